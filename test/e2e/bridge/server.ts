/**
 * Loopback test bridge: serves the BUILT renderer and the real handler table over HTTP on 127.0.0.1, so Playwright
 * drives the real UI against the real pipeline in Chromium (there is no Electron binary here). Each verb is
 * `POST /api/<verb>` (JSON in, ApiResult JSON out); batch events stream over Server-Sent Events at
 * `GET /api/events`. test/e2e/bridge/client.js is the matching `window.inkprint`, and plays the preload's part
 * for drops (grantDroppedPaths with the paths a test registered), so main's path grants are exercised as in the app.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import {
  API_CHANNELS,
  type ApiHandlers,
  type ApiResult,
  type BatchEvent,
  type InvokeChannel
} from '../../../src/shared/api'

export interface Bridge {
  /** Origin the page is served from, e.g. http://127.0.0.1:41234 */
  url: string
  /** Every verb called so far, in order (lets tests assert what the UI asked for). */
  calls: { channel: InvokeChannel; arg: unknown }[]
  close: () => Promise<void>
}

export type HandlerFactory = (emit: (event: BatchEvent) => void) => ApiHandlers

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

const MAX_BODY_BYTES = 1_000_000

function isVerb(name: string): name is InvokeChannel {
  return Object.hasOwn(API_CHANNELS, name)
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? (JSON.parse(text) as unknown) : null
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

function invalid(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid-request', message } }
}

async function serveStatic(rendererDir: string, urlPath: string, response: ServerResponse): Promise<void> {
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath.replace(/^\/+/, ''))
  const file = normalize(join(rendererDir, relative))
  if (!file.startsWith(rendererDir + sep)) {
    response.writeHead(403).end()
    return
  }
  try {
    const body = await readFile(file)
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
    response.end(body)
  } catch {
    response.writeHead(404).end()
  }
}

/** Starts the bridge on an ephemeral loopback port. `makeHandlers` receives the emitter that feeds the SSE stream. */
export async function startBridge(
  makeHandlers: HandlerFactory,
  rendererDir = resolve('out/renderer')
): Promise<Bridge> {
  const root = resolve(rendererDir)
  const streams = new Set<ServerResponse>()
  const calls: Bridge['calls'] = []
  const emit = (event: BatchEvent): void => {
    const frame = `data: ${JSON.stringify(event)}\n\n`
    for (const stream of streams) stream.write(frame)
  }
  const handlers = makeHandlers(emit)

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/api/events' && request.method === 'GET') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname.startsWith('/api/')) {
      const channel = url.pathname.slice('/api/'.length)
      if (request.method !== 'POST' || !isVerb(channel)) {
        sendJson(response, 404, invalid(`Unknown verb: ${channel}`))
        return
      }
      void (async () => {
        let arg: unknown
        try {
          arg = await readBody(request)
        } catch {
          sendJson(response, 400, invalid('The request body is not JSON.'))
          return
        }
        calls.push({ channel, arg })
        try {
          // Validation of `arg` is the handlers' job, as it is behind ipcMain; the bridge passes it through.
          const handler = handlers[channel] as (value: unknown) => Promise<unknown>
          sendJson(response, 200, await handler(arg))
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          sendJson(response, 200, { ok: false, error: { code: 'internal', message } })
        }
      })()
      return
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end()
      return
    }
    void serveStatic(root, url.pathname, response)
  })

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    }
  }
}
