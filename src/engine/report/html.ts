/**
 * A tiny auto-escaping template tag. Every interpolated value is escaped unless it is already SafeHtml built
 * by this module, so forgetting to escape a student string is not possible by construction.
 */
import { escapeEvidenceText, escapeHtml } from './escape'

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | HtmlPart[]

function renderPart(part: HtmlPart): string {
  if (part instanceof SafeHtml) return part.value
  if (Array.isArray(part)) return part.map(renderPart).join('')
  if (part === null || part === undefined || part === false || part === true) return ''
  return escapeHtml(part)
}

export function markup(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0]
  values.forEach((v, i) => {
    out += renderPart(v) + strings[i + 1]
  })
  return new SafeHtml(out)
}

/** Quoted document text, with hidden characters shown as labels. */
export function evidence(text: string): SafeHtml {
  return new SafeHtml(escapeEvidenceText(text))
}

/** Only for constants written in this codebase (the stylesheet); never for anything read from a file. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

export const nothing = new SafeHtml('')

/** A <colgroup> for fixed-layout tables; widths are percentages from a fixed set of classes in the stylesheet. */
export type ColumnWidth = 4 | 6 | 8 | 9 | 10 | 12 | 14 | 16 | 18 | 20 | 22 | 24 | 30 | 40

export function columns(...widths: ColumnWidth[]): SafeHtml {
  return new SafeHtml(`<colgroup>${widths.map((w) => `<col class="w${w}">`).join('')}</colgroup>`)
}
