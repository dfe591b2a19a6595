/** The per-group audit table as text (terminal) or Markdown (model card), from GroupRows. */
import type { GroupRow } from './audit-summary'
import { formatRateWithInterval } from './format'

const HEADER = ['group', 'human n', 'flagged', 'FPR [95% CI]', 'AI n', 'TPR [95% CI]', 'AUROC', 'not scored']

function cells(r: GroupRow): string[] {
  return [
    r.group,
    String(r.nHuman),
    String(r.falsePositives),
    r.fpr ? formatRateWithInterval(r.fpr.estimate, r.fpr.lower, r.fpr.upper) : '–',
    String(r.nAi),
    r.tpr ? formatRateWithInterval(r.tpr.estimate, r.tpr.lower, r.tpr.upper) : '–',
    r.auroc === null ? '–' : r.auroc.toFixed(3) + (r.aurocAgainst === 'all-ai' ? '*' : ''),
    String(r.notScored)
  ]
}

export function formatGroupTable(rows: readonly GroupRow[], style: 'text' | 'markdown' = 'text'): string {
  const body = rows.map(cells)
  if (style === 'markdown') {
    const line = (c: string[]): string => `| ${c.join(' | ')} |`
    return [line(HEADER), line(HEADER.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join(
      '\n'
    )
  }
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)))
  const pad = (c: string[]): string =>
    c.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ')
  return [pad(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(pad)].join('\n')
}

export const AUROC_FOOTNOTE =
  '* AUROC of this group’s human texts against all AI texts (the group has no AI texts of its own).'
