/**
 * Everything a student controls (text, file names, metadata) goes through here before it meets HTML.
 * Documents are hostile input: tags are escaped, and characters that reorder or hide text are shown visibly
 * so a reader sees exactly what is in the file.
 */

/** Bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069) can make text read differently than stored. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g
/** C0/C1 controls other than tab and line breaks have no business in a report and some renderers drop them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
/** Zero-width and BOM characters, plus Unicode tag characters ("ASCII smuggling"): invisible but present. */
const INVISIBLE_CHARS = /[\u200B-\u200F\u2060-\u2064\uFEFF\u061C]|\uDB40[\uDC00-\uDC7F]/g

export function codePointLabel(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`
}

function escapeMarkup(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/=/g, '&#61;')
    .replace(/:/g, '&#58;')
}

/**
 * Safe for element content and for quoted attribute values. '=' and ':' are encoded too (renders the same):
 * as defence in depth the raw bytes then never hold `onerror=` or `https://` from a document, so no scanner,
 * converter or lax viewer can turn quoted student text into an attribute or a link. Bidi and control characters become visible
 * labels such as ⟨U+202E⟩ (plain text, no markup, so the result is valid in an attribute too).
 */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  return escapeMarkup(
    String(value).replace(BIDI_CONTROLS, codePointLabel).replace(CONTROL_CHARS, codePointLabel)
  )
}

/**
 * For quoted document text: like escapeHtml, and hidden characters (bidi, zero-width, tags) are also shown
 * as small marked labels, because in evidence they matter (see the fingerprints section).
 */
export function escapeEvidenceText(value: string): string {
  const hidden = new RegExp(`${BIDI_CONTROLS.source}|${INVISIBLE_CHARS.source}`, 'g')
  let out = ''
  let last = 0
  for (const m of value.matchAll(hidden)) {
    const at = m.index ?? 0
    out += escapeHtml(value.slice(last, at))
    out += `<span class="hidden-char">${escapeMarkup(codePointLabel(m[0]))}</span>`
    last = at + m[0].length
  }
  return out + escapeHtml(value.slice(last))
}
