/** Fingerprints: each located in the text with a short quoted context, each with its innocent explanations. */
import { copyArtefacts, innocentSentences } from '../../shared/reading'
import type { DocumentResult, Fingerprint, FingerprintKind } from '../../shared/types'
import { evidence, markup, nothing, type SafeHtml } from './html'

export const FINGERPRINT_KIND_WORDS: Record<FingerprintKind, string> = {
  'invisible-character': 'Invisible character',
  'tag-character': 'Unicode tag character',
  'bidi-control': 'Text-direction control',
  'private-use': 'Private-use character',
  homoglyph: 'Look-alike letter (homoglyph)',
  'chatbot-artefact': 'Chatbot copy artefact',
  'markdown-leftover': 'Leftover Markdown',
  'hidden-text': 'Hidden text',
  metadata: 'File metadata'
}

const CONTEXT_CHARS = 40

/** Moves an offset off the second half of a surrogate pair so a quote never splits a character. */
function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at
}

export function fingerprintContext(text: string, start: number, end: number): SafeHtml {
  const from = safeOffset(text, Math.max(0, start - CONTEXT_CHARS))
  const to = safeOffset(text, Math.min(text.length, end + CONTEXT_CHARS))
  const before = text.slice(from, start).replace(/\s+/g, ' ')
  const after = text.slice(end, to).replace(/\s+/g, ' ')
  // An empty range (hidden text, which is not in the text) is marked where it sits.
  const hit = start === end ? '⟨hidden text⟩' : text.slice(start, end)
  return markup`“${from > 0 ? '…' : ''}${evidence(before)}<span class="hit">${evidence(hit)}</span>${evidence(after)}${to < text.length ? '…' : ''}”`
}

function location(result: DocumentResult, f: Fingerprint): SafeHtml {
  if (f.start === null || f.end === null) return markup`Whole document (from the file’s metadata)`
  const start = f.start
  const passage = result.passages.find((p) => start >= p.start && start < p.end)
  const where = passage
    ? `Passage ${passage.index + 1}${passage.page !== null ? `, page ${passage.page}` : ''}, `
    : 'Outside the scored passages, '
  // Hidden text is not in the document text: its fingerprint marks the point where it sits.
  const offsets = f.start === f.end ? `at character ${f.start}` : `characters ${f.start}–${f.end}`
  const quote =
    result.text === undefined ? nothing : markup`: ${fingerprintContext(result.text, f.start, f.end)}`
  const more = f.count > 1 ? ` (first of ${f.count} occurrences)` : ''
  return markup`${where}${offsets}${more}${quote}`
}

function item(result: DocumentResult, f: Fingerprint): SafeHtml {
  const innocent =
    f.innocentExplanations.length > 0
      ? markup`<div class="small"><b>Could also be innocent:</b><ul class="plain">${innocentSentences(f.innocentExplanations).map((e) => markup`<li>${e}</li>`)}</ul></div>`
      : nothing
  return markup`<div class="passage band-neutral">
<div class="tag">⚑ ${FINGERPRINT_KIND_WORDS[f.kind]} · rule <span class="mono">${f.rule}</span> · ${f.count} ${f.count === 1 ? 'occurrence' : 'occurrences'}</div>
<p>${f.description}</p><p class="small"><b>Where:</b> ${location(result, f)}</p>${innocent}</div>`
}

export function fingerprintsSection(result: DocumentResult): SafeHtml {
  const intro = markup`<p class="muted small">Traces that copying from a chatbot can leave: hidden characters, look-alike letters, copy artefacts. Each has ordinary explanations too; hidden characters are shown in the text as labels such as ⟨U+200B⟩.</p>`
  const found = result.fingerprints === undefined ? undefined : copyArtefacts(result.fingerprints)
  if (found === undefined)
    return markup`<section><h2>Copy-and-paste traces</h2><p>The fingerprint scan was not run for this document.</p></section>`
  if (found.length === 0) {
    return markup`<section><h2>Copy-and-paste traces</h2>${intro}<p>None found. (Their absence says nothing either way: text typed out again or pasted as plain text carries none.)</p></section>`
  }
  return markup`<section><h2>Copy-and-paste traces</h2>${intro}${found.map((f) => item(result, f))}</section>`
}
