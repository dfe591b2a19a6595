/** Date and duration formats found in document metadata, turned into ISO-8601 strings and minutes. */

/** PDF dates look like "D:20240131143000+01'00'" (every part after the year optional). */
export function pdfDateToIso(value: string | undefined): string | undefined {
  if (!value) return undefined
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{0,2}'?)?/.exec(
    value.trim()
  )
  if (!m) return undefined
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m
  let offset = 'Z'
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2})'?(\d{2})?/.exec(zone)
    if (z) offset = `${z[1]}${z[2]}:${z[3] ?? '00'}`
  }
  return normaliseIsoDate(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
}

/** Any parseable date string to a canonical UTC ISO string; undefined when it is not a real date. */
export function normaliseIsoDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined
  const t = Date.parse(value.trim())
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}

/** ISO-8601 durations as ODT writes them ("PT2H13M5S", "P1DT3H"), in whole minutes. */
export function isoDurationToMinutes(value: string | undefined): number | undefined {
  if (!value) return undefined
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim()
    )
  if (!m || value.trim() === 'P' || value.trim() === 'PT') return undefined
  const [d, h, mi, s] = [m[1], m[2], m[3], m[4]].map((x) => (x ? Number(x) : 0)) as [
    number,
    number,
    number,
    number
  ]
  return Math.round(d * 1440 + h * 60 + mi + s / 60)
}

/** A non-negative integer from metadata text, or undefined. */
export function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined
  return Number(value.trim())
}
