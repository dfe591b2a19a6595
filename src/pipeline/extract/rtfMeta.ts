/** RTF metadata (the info group and the generator destination) and code-page decoding for the RTF converter. */
import type { DocumentMetadata } from '../../shared/types'
import { decodeWindows1252 } from './cp1252'
import { normaliseIsoDate } from './dates'
import { dropEmpty } from './docxMeta'

export function storeCapture(
  field: string,
  value: string,
  info: Record<string, string>,
  styles: Map<number, string>,
  styleNumber: number
): void {
  if (field === 'style') {
    if (styleNumber >= 0) styles.set(styleNumber, value.replace(/;$/, '').trim())
  } else if (field !== 'info' && field !== 'stylesheet') info[field] = value.replace(/;$/, '').trim()
}

export function decodeCodePage(bytes: Uint8Array, codePage: number): string {
  const names: Record<number, string> = {
    932: 'shift_jis',
    936: 'gbk',
    949: 'euc-kr',
    950: 'big5',
    10000: 'macintosh',
    65001: 'utf-8'
  }
  const label =
    names[codePage] ?? (codePage >= 874 && codePage <= 1258 ? `windows-${codePage}` : 'windows-1252')
  if (label === 'windows-1252') return decodeWindows1252(bytes)
  try {
    return new TextDecoder(label).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

export function rtfMetadata(info: Record<string, string>, dates: Record<string, number>): DocumentMetadata {
  const date = (field: string): string | undefined => {
    const y = dates[`${field}.yr`]
    if (y === undefined) return undefined
    const pad = (n: number | undefined): string => String(n ?? 0).padStart(2, '0')
    const mo = pad(dates[`${field}.mo`] ?? 1)
    const d = pad(dates[`${field}.dy`] ?? 1)
    return normaliseIsoDate(`${y}-${mo}-${d}T${pad(dates[`${field}.hr`])}:${pad(dates[`${field}.min`])}:00`)
  }
  const generator = /^(.+?)[\s/]+(\d+(?:\.\d+)+)/.exec(info.generator ?? '')
  const num = (v: string | undefined): number | undefined => (v && /^\d+$/.test(v) ? Number(v) : undefined)
  return dropEmpty({
    title: info.title,
    creator: info.author,
    lastModifiedBy: info.operator,
    created: date('creatim'),
    modified: date('revtim'),
    totalEditingMinutes: num(info.edmins),
    pages: num(info.nofpages),
    revision: num(info.version),
    application: generator ? generator[1] : info.generator,
    appVersion: generator?.[2]
  })
}
