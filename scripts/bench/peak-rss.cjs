// Runs the script named first with the remaining arguments and prints the process's peak RSS (threads
// included) to stderr on exit: `node peak-rss.cjs script.js args…`.
const { writeSync } = require('node:fs')
const script = process.argv[2]
process.argv.splice(1, 2, script)
process.on('exit', () => writeSync(2, `MAXRSS ${process.resourceUsage().maxRSS}\n`))
require(script)
