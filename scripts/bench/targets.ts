/**
 * Speed targets of issue 16, printed by each benchmark as one machine-readable line ("@target {json}") that
 * `npm run bench` collects into its closing table.
 */
export interface TargetLine {
  /** What is measured, in words. */
  name: string
  measured: number
  limit: number
  unit: string
  /** Extra facts shown beside the value (CPU time, load average…). */
  note?: string
}

export function printTarget(t: TargetLine): void {
  const ratio = t.measured / t.limit
  const met = t.measured <= t.limit
  console.log(
    `  target: ${t.name}: ${fmt(t.measured)} ${t.unit} (≤ ${fmt(t.limit)} ${t.unit}) = ${ratio.toFixed(2)}× the target, ` +
      `${met ? 'met' : 'MISSED'}${t.note ? `; ${t.note}` : ''}`
  )
  console.log(`@target ${JSON.stringify({ ...t, ratio, met })}`)
}

export const fmt = (x: number): string =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3)

export async function loadAverage(): Promise<string> {
  const os = await import('node:os')
  return `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores`
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
