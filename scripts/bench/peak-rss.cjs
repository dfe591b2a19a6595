// Runs the script named first with the remaining arguments and prints the process's peak RSS (threads
// included) and its CPU time (all threads) to stderr on exit: `node peak-rss.cjs script.js args…`.
const { writeSync } = require('node:fs')
const script = process.argv[2]
process.argv.splice(1, 2, script)
process.on('exit', () => {
  const u = process.resourceUsage()
  writeSync(2, `MAXRSS ${u.maxRSS}\nCPUMS ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`)
})
require(script)
