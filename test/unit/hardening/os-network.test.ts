/**
 * Issue 17, points 5–7: no network at the OS level. The hook-based test (no-network.test.ts) sees only Node's
 * own APIs; ONNX Runtime's native telemetry and the Chromium that prints PDF reports are invisible to it. Here
 * the built CLI runs under `strace -f -e trace=network` (every process and thread it starts, Chromium included)
 * for a check, HTML and PDF reports and a calibration, and the test fails on any AF_INET/AF_INET6 connect or
 * send (a DNS query is one) or any lookup through nscd / systemd-resolved. HOME is a fresh folder, which must
 * stay empty of ONNX Runtime's telemetry files (~/.cache/Microsoft/DeveloperTools/.onnxruntime).
 * CI installs strace (.ci/run); elsewhere the test skips, saying why, when strace is missing or not permitted.
 */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../../src/pipeline/report/chromium'
import { makeFixtures } from '../../fixtures/make-fixtures.mjs'
import { writeEssayFolders } from '../pipeline/calibration-fixtures'

const BIN = join(process.cwd(), 'bin', 'inkprint.cjs')

function straceProblem(): string | null {
  try {
    execFileSync('strace', ['-f', '-e', 'trace=network', '-o', '/dev/null', 'true'], { stdio: 'ignore' })
    return null
  } catch (error) {
    const code = (error as { code?: string }).code
    return code === 'ENOENT' ? 'strace is not installed' : 'strace cannot trace here (ptrace not permitted)'
  }
}

const problem = straceProblem()
if (problem && process.env.CI === 'true')
  throw new Error(`${problem}: CI must run the OS-level network test (.ci/run installs strace).`)

/**
 * Chromium's host resolver checks whether IPv6 is routable by connecting a UDP socket to 2001:4860:4860::8888
 * port 443 and reading back the local address: a UDP connect transmits nothing (no packet leaves the machine),
 * and any later send on it would be caught below as a sendto/sendmsg. It is the one connect allowed, by its
 * exact signature.
 */
const IPV6_ROUTE_PROBE = /connect\(\d+, \{sa_family=AF_INET6, sin6_port=htons\(443\),.*"2001:4860:4860::8888"/

/** The network system calls in an strace log that reach, or try to reach, another machine or a resolver. */
export function networkAttempts(log: string): string[] {
  return log.split('\n').filter((line) => {
    if (!/\b(connect|sendto|sendmsg|sendmmsg)\(/.test(line)) return false
    if (IPV6_ROUTE_PROBE.test(line)) return false
    if (/AF_INET6?\b|htons\(53\)/.test(line)) return true
    // Name lookups through a local resolver daemon are DNS queries too.
    return /sun_path="[^"]*(nscd|systemd\/resolve)/.test(line)
  })
}

/** The UDP route probes in a log (reported, and counted in the README's claim). */
export function routeProbes(log: string): number {
  return log.split('\n').filter((line) => IPV6_ROUTE_PROBE.test(line)).length
}

let root: string
let home: string
let classDir: string

interface Traced {
  code: number
  stderr: string
  attempts: string[]
}

function traced(args: string[]): Promise<Traced> {
  const log = join(root, `strace-${Math.random().toString(36).slice(2)}.log`)
  return new Promise((resolve) => {
    execFile(
      'strace',
      ['-f', '-qq', '--seccomp-bpf', '-e', 'trace=network', '-o', log, 'node', BIN, ...args],
      { cwd: root, env: { ...process.env, HOME: home }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, _stdout, stderr) => {
        void readFile(log, 'utf8').then((text) =>
          resolve({
            code: error ? Number((error as { code?: number }).code ?? 1) : 0,
            stderr,
            attempts: networkAttempts(text)
          })
        )
      }
    )
  })
}

describe.skipIf(problem !== null)(
  `no network at the OS level${problem ? ` (skipped: ${problem})` : ''}`,
  () => {
    beforeAll(async () => {
      if (!existsSync(join(process.cwd(), 'out', 'main', 'cli.js')))
        throw new Error('The app is not built: run `npm run build` (npm test does this first).')
      const fixtures = await makeFixtures()
      root = await mkdtemp(join(tmpdir(), 'inkprint-strace-'))
      home = join(root, 'home')
      classDir = join(root, 'class')
      await mkdir(home)
      await mkdir(classDir)
      for (const n of ['essay.docx', 'essay.pdf', 'essay.odt', 'essay.md', 'essay-utf8.txt'])
        await copyFile(join(fixtures, n), join(classDir, n))
    }, 60_000)

    afterAll(async () => {
      if (root) await rm(root, { recursive: true, force: true })
    })

    it('the detector sees real attempts (so the checks below can fail), and tells a route probe from a send', async () => {
      expect(
        networkAttempts(
          [
            '12 connect(18, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
            '12 sendto(18, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr)}, 28) = 1',
            '13 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.53")}, 16) = 0',
            '14 connect(6, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT',
            '15 connect(7, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X0"}, 110) = 0'
          ].join('\n')
        )
      ).toHaveLength(3)
      const log = join(root, 'control.log')
      await new Promise<void>((resolve) =>
        execFile(
          'strace',
          [
            '-f',
            '-qq',
            '-e',
            'trace=network',
            '-o',
            log,
            'node',
            '-e',
            "require('net').connect(9, '127.0.0.1').on('error', () => {})"
          ],
          () => resolve()
        )
      )
      const attempts = networkAttempts(await readFile(log, 'utf8'))
      expect(attempts.length).toBeGreaterThan(0)
      expect(attempts[0]).toMatch(/connect\(.*AF_INET/)
    })

    it('check with worker threads (detector, watermarks, fingerprints) makes no network call', async () => {
      const run = await traced(['check', classDir, '--out', join(root, 'class.jsonl')])
      expect(run.code, run.stderr).toBe(0)
      expect(run.attempts).toEqual([])
    }, 300_000)

    it('HTML reports and a calibration make no network call', async () => {
      const html = await traced(['check', classDir, '--report', join(root, 'html'), '--format', 'html'])
      expect(html.code, html.stderr).toBe(0)
      expect(html.attempts).toEqual([])
      const folders = writeEssayFolders(root)
      const calibrate = await traced([
        'calibrate',
        '--human',
        folders.human,
        '--name',
        'Traced',
        '--target-fpr',
        '0.05',
        '--out-dir',
        join(root, 'calibrations'),
        '--json'
      ])
      expect(calibrate.code, calibrate.stderr).toBe(0)
      expect(calibrate.attempts).toEqual([])
    }, 300_000)

    it.skipIf(findChromium() === null)(
      'PDF reports: the Chromium that prints them makes no network call or DNS lookup',
      async () => {
        const pdf = await traced([
          'check',
          join(classDir, 'essay.md'),
          '--report',
          join(root, 'pdf'),
          '--format',
          'pdf'
        ])
        expect(pdf.code, pdf.stderr).toBe(0)
        expect(pdf.stderr).not.toMatch(/HTML reports were written instead|Printing to PDF failed/)
        expect((await readdir(join(root, 'pdf'))).filter((n) => n.endsWith('.pdf'))).toHaveLength(1)
        expect(pdf.attempts).toEqual([])
      },
      300_000
    )

    it("ONNX Runtime wrote no telemetry files into the user's home", () => {
      expect(existsSync(join(home, '.cache', 'Microsoft'))).toBe(false)
    })
  }
)
