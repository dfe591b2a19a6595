/**
 * Preload (node --require, also via NODE_OPTIONS) that makes every outbound network attempt fail loudly and
 * records it: one JSON line per attempt in $INKPRINT_NET_LOG. It also records each thread it was installed in
 * ($INKPRINT_NET_LOG.threads), so a test can prove the guard was active inside the worker threads too.
 */
'use strict'
const fs = require('node:fs')
const { threadId } = require('node:worker_threads')
const { installNetGuard } = require('./net-guard-core.cjs')

const log = process.env.INKPRINT_NET_LOG
if (log) {
  fs.appendFileSync(`${log}.threads`, `${threadId}\n`)
  installNetGuard((attempt) => fs.appendFileSync(log, JSON.stringify({ threadId, ...attempt }) + '\n'))
}
