/** fairness.md from the fairness.json payload: the tables a teacher or head of department reads. */
import {
  AUROC_FOOTNOTE,
  formatGroupTable,
  formatRate,
  formatRateWithInterval,
  type GroupRow
} from '../engine/calibration'
import type { OperatingPoint } from '../shared/types'

export interface FairnessReport {
  generatedAt: string
  model: { name: string; version: string; sha256: string }
  data: {
    split: string
    aiPerDataset: number
    limit: number | null
    byDataset: Record<string, { human: number; ai: number }>
  }
  operatingPoints: OperatingPoint[]
  verdictRuleDisagreements: number
  dimensions: { key: string; title: string; rowsByOperatingPoint: Record<string, GroupRow[]> }[]
  seconds: number
}

function fprByOperatingPoint(d: FairnessReport['dimensions'][number], ops: OperatingPoint[]): string {
  const groups = (d.rowsByOperatingPoint[ops[0]?.name ?? ''] ?? [])
    .filter((r) => r.nHuman > 0)
    .map((r) => r.group)
  const header = `| group | human n | ${ops.map((o) => `${o.name} FPR [95% CI]`).join(' | ')} |`
  const sep = `| --- | ---: | ${ops.map(() => '---:').join(' | ')} |`
  const lines = groups.map((g) => {
    const cells = ops.map((o) => {
      const row = d.rowsByOperatingPoint[o.name]?.find((r) => r.group === g)
      return row?.fpr
        ? `${formatRateWithInterval(row.fpr.estimate, row.fpr.lower, row.fpr.upper)} (${row.falsePositives})`
        : '–'
    })
    const n = d.rowsByOperatingPoint[ops[0].name]?.find((r) => r.group === g)?.nHuman ?? 0
    return `| ${g} | ${n} | ${cells.join(' | ')} |`
  })
  return [header, sep, ...lines].join('\n')
}

/**
 * Groups whose whole 95% interval lies above the FPR the app states for that operating point (clearly
 * over-flagged compared with what teachers are told), and groups too small to show a low rate: computed,
 * never written by hand. Catch-all groups ("z: …", "(none)") and repeats of the same group are skipped.
 */
export function findings(r: FairnessReport): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const op of r.operatingPoints) {
    for (const d of r.dimensions) {
      for (const row of d.rowsByOperatingPoint[op.name] ?? []) {
        if (!row.fpr || row.group === 'all' || /^(z:|\()/.test(row.group)) continue
        const key = `${op.name}|${row.nHuman}|${row.falsePositives}|${row.nAi}`
        if (seen.has(key) || row.fpr.lower <= op.fpr) continue
        seen.add(key)
        out.push(
          `- At **${op.name}** (stated FPR ${formatRate(op.fpr)}), **${row.group}** is flagged clearly more often: ` +
            `${row.falsePositives} of ${row.nHuman}, ${formatRateWithInterval(row.fpr.estimate, row.fpr.lower, row.fpr.upper)}.`
        )
      }
    }
  }
  if (out.length === 0)
    out.push('- No group’s false-positive interval lies entirely above its operating point’s target.')
  const small = r.dimensions
    .flatMap((d) => d.rowsByOperatingPoint.balanced ?? [])
    .filter((row) => row.nHuman > 0 && row.fpr && row.fpr.upper > 0.05 && !/^(z:|\()/.test(row.group))
  const names = [...new Set(small.map((row) => `${row.group} (n=${row.nHuman})`))]
  if (names.length > 0) {
    out.push(
      `- Too few essays to show a low false-positive rate (95% upper bound above 5%): ${names.join(', ')}.`
    )
  }
  return out
}

export function fairnessMarkdown(r: FairnessReport): string {
  const out: string[] = [
    '# Fairness: how often the detector flags human writers, by group',
    '',
    `Model ${r.model.name} ${r.model.version} (sha256 ${r.model.sha256.slice(0, 12)}…), generated ${r.generatedAt.slice(0, 10)} ` +
      'by `npx tsx src/training/fairness.ts`.',
    '',
    `Data: held-out essays only, ${r.data.split}; no essay here was used to train the model or set a threshold. ` +
      `Human essays: every test-split student essay; AI essays: a seeded sample of at most ${r.data.aiPerDataset} ` +
      'unattacked essays per dataset.' +
      (r.data.limit ? ` This run was limited to ${r.data.limit} essays.` : ''),
    '',
    '| dataset | human | AI |',
    '| --- | ---: | ---: |',
    ...Object.entries(r.data.byDataset).map(([k, v]) => `| ${k} | ${v.human} | ${v.ai} |`),
    '',
    'FPR = share of human essays whose verdict is "likely AI", with a 95% Wilson interval and the count flagged. ' +
      'AI essays are grouped with the population whose prompts they answer, so TPR and AUROC compare like with like. ' +
      'Too-short or non-English texts are left out of every rate ("not scored").',
    '',
    '## Operating points',
    '',
    ...r.operatingPoints.map(
      (o) =>
        `- **${o.name}**: threshold ${o.threshold.toFixed(4)}; stated FPR ${(o.fpr * 100).toFixed(2)}% (upper ${(o.fprUpper * 100).toFixed(2)}%), ${o.measuredOn}`
    ),
    ''
  ]
  for (const d of r.dimensions) {
    const rows = d.rowsByOperatingPoint.balanced ?? Object.values(d.rowsByOperatingPoint)[0] ?? []
    out.push(
      `## ${d.title}`,
      '',
      'At the balanced operating point:',
      '',
      formatGroupTable(rows, 'markdown'),
      ''
    )
    if (rows.some((x) => x.aurocAgainst === 'all-ai')) out.push(AUROC_FOOTNOTE, '')
    out.push(
      'False-positive rate at every operating point:',
      '',
      fprByOperatingPoint(d, r.operatingPoints),
      ''
    )
    out.push(
      `![ROC by group](../../docs/plots/fairness-${d.key}-roc.svg) ![Scores](../../docs/plots/fairness-${d.key}-scores.svg)`,
      ''
    )
  }
  out.push('## Findings', '', ...findings(r), '')
  if (r.verdictRuleDisagreements > 0) {
    out.push(
      `Note: ${r.verdictRuleDisagreements} documents where re-thresholding disagreed with the detector's own verdict.`,
      ''
    )
  }
  out.push(
    '## Reading this table',
    '',
    'Small groups have wide intervals: an FPR of 0% on 50 essays is compatible with a true rate up to about 7%. ' +
      'Groups differ in prompts and length as well as in who wrote them, so a gap between groups is a reason to ' +
      'look closer, not by itself proof of bias. Schools can measure their own students with `inkprint calibrate`.',
    ''
  )
  return out.join('\n')
}
