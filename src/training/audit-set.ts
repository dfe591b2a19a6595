/**
 * The never-touched audit set: student-imitation texts written AFTER the shipped model was trained
 * (data/imitation/audit), never trained on and never used for any choice. Scored once per release with the
 * app's own pipeline (the same scoring a teacher gets), at the default setting.
 * Usage: npx tsx src/training/audit-set.ts   → resources/models/audit.json (read by the model card)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { scoreText } from '../pipeline/audit'
import { loadDetector } from '../pipeline/detector'
import { wilsonInterval } from '../engine/stats'

const root = resolve(__dirname, '../..')
const file = join(root, 'data/imitation/audit/audit.jsonl')
const modelDir = join(root, 'resources/models')

interface AuditRecord {
  id: string
  text: string
  label: string
  meta: { persona?: { level?: string; l1?: string }; instruction?: string }
}

function writerOf(r: AuditRecord): string {
  const p = r.meta.persona ?? {}
  if (p.l1 && !/^(english|unspecified)$/i.test(p.l1)) return 'English learners'
  if (/grade/i.test(p.level ?? '')) return 'school (grades 6–12)'
  return 'university'
}

async function main(): Promise<void> {
  if (!existsSync(file)) throw new Error(`no audit set at ${file}: run python3 data/imitation/build.py`)
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditRecord)
  const detector = await loadDetector(modelDir)
  const groups = new Map<string, { n: number; caught: number; judged: number }>()
  const add = (g: string, judged: boolean, caught: boolean): void => {
    const e = groups.get(g) ?? { n: 0, caught: 0, judged: 0 }
    e.n++
    if (judged) e.judged++
    if (caught) e.caught++
    groups.set(g, e)
  }
  for (const r of records) {
    const { summary } = await scoreText(detector, r.text, 'balanced')
    const judged = !['limited-evidence', 'too-short', 'unsupported-language', 'not-prose'].includes(
      summary.verdict
    )
    const caught = summary.verdict === 'likely-ai'
    add('all', judged, caught)
    add(writerOf(r), judged, caught)
  }
  const model = detector.card
  await detector.close()
  const rows = [...groups.entries()].map(([group, e]) => {
    const { lower, upper } = wilsonInterval(e.caught, e.judged)
    return {
      group,
      n: e.n,
      judged: e.judged,
      caught: e.caught,
      rate: e.judged ? e.caught / e.judged : null,
      lower,
      upper
    }
  })
  const out = {
    model: { name: model.name, version: model.version, sha256: model.sha256 },
    what: 'student-imitation texts written after this model was trained; never trained on; scored once',
    setting: 'balanced',
    rows
  }
  writeFileSync(join(modelDir, 'audit.json'), JSON.stringify(out, null, 2) + '\n')
  process.stdout.write(JSON.stringify(rows) + '\n')
}

main().catch((e: unknown) => {
  process.stderr.write(`audit-set: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exitCode = 1
})
