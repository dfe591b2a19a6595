/**
 * Replaces every Node API that can open an outbound connection or resolve a name with a version that
 * records the attempt and throws. Shared by the in-process test and the preload for child processes.
 * Returns a function that restores the originals.
 */
'use strict'
const net = require('node:net')
const tls = require('node:tls')
const dns = require('node:dns')
const http = require('node:http')
const https = require('node:https')
const dgram = require('node:dgram')
const { syncBuiltinESMExports } = require('node:module')

function describeTarget(args) {
  const first = args[0]
  if (typeof first === 'string' || typeof first === 'number') return String(first)
  if (first instanceof URL) return first.href
  if (first && typeof first === 'object') {
    const o = first
    return String(o.href || o.host || o.hostname || o.path || JSON.stringify(Object.keys(o)))
  }
  return String(first)
}

function installNetGuard(record) {
  const restore = []
  const patch = (owner, key, api) => {
    const original = owner[key]
    if (typeof original !== 'function') return
    owner[key] = function blocked(...args) {
      const target = describeTarget(args)
      record({ api, target })
      throw new Error(`Inkprint test guard: network access blocked (${api} ${target})`)
    }
    restore.push(() => {
      owner[key] = original
    })
  }
  patch(net.Socket.prototype, 'connect', 'net.Socket.connect')
  patch(net, 'connect', 'net.connect')
  patch(net, 'createConnection', 'net.createConnection')
  patch(tls, 'connect', 'tls.connect')
  for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'])
    patch(dns, key, `dns.${key}`)
  for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'])
    patch(dns.promises, key, `dns.promises.${key}`)
  patch(http, 'request', 'http.request')
  patch(http, 'get', 'http.get')
  patch(https, 'request', 'https.request')
  patch(https, 'get', 'https.get')
  patch(dgram, 'createSocket', 'dgram.createSocket')
  patch(globalThis, 'fetch', 'fetch')
  // ESM importers of node:net etc. see these replacements only after a sync.
  syncBuiltinESMExports()
  return () => {
    for (const undo of restore.reverse()) undo()
    syncBuiltinESMExports()
  }
}

module.exports = { installNetGuard }
