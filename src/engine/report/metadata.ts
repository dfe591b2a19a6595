/** File metadata as process evidence (context, never a verdict) and the extraction warnings. */
import type { DocumentMetadata, DocWarning, Fingerprint } from '../../shared/types'
import { innocentSentences, processNotes } from '../../shared/reading'
import { columns, markup, type SafeHtml } from './html'
import { formatDateTime, formatMinutes } from './wording'

type Row = [label: string, value: string | number | undefined, note?: string]

function rows(m: DocumentMetadata): Row[] {
  return [
    ['Application', [m.application, m.appVersion].filter(Boolean).join(' ') || undefined],
    ['PDF producer', m.producer],
    ['Author (creator)', m.creator],
    ['Last modified by', m.lastModifiedBy],
    ['Created', m.created ? formatDateTime(m.created) : undefined],
    ['Modified', m.modified ? formatDateTime(m.modified) : undefined],
    ['Template', m.template],
    ['Title', m.title],
    [
      'Total editing time',
      m.totalEditingMinutes === undefined ? undefined : formatMinutes(m.totalEditingMinutes),
      'Counted by the word processor while the file was open; not reliable across apps.'
    ],
    ['Revision number', m.revision],
    ['Editing cycles', m.editingCycles],
    [
      'Editing sessions (rsid)',
      m.rsidSessions,
      'Distinct Word editing-session ids: roughly how many sittings touched the text.'
    ],
    ['Pages (as saved)', m.pages],
    ['Encrypted', m.encrypted === undefined ? undefined : m.encrypted ? 'yes' : 'no']
  ]
}

/**
 * File history for the body of the report: the process notes (editing time, sessions) with their ordinary
 * reasons, and where the metadata table is. Never a ⚑: it is context, not a copy-and-paste trace.
 */
export function fileHistoryLines(metadata: DocumentMetadata, fingerprints?: Fingerprint[]): SafeHtml {
  const notes = processNotes(fingerprints)
  const fields = rows(metadata).filter(([, v]) => v !== undefined && v !== '').length
  const table =
    fields === 0
      ? 'The file carries no metadata Inkprint can read (plain text and many exports have none).'
      : `The file’s metadata (${fields} ${fields === 1 ? 'field' : 'fields'}) is listed in the appendix.`
  const noted =
    notes.length === 0
      ? markup``
      : markup`<ul class="plain small">${notes.map((n) => markup`<li>${n.description} <span class="muted">Ordinary reasons: ${innocentSentences(n.innocentExplanations).join(' ')}</span></li>`)}</ul>`
  return markup`<p><b>File history (process evidence):</b> ${table} <span class="muted small">Context, never a verdict: metadata is easily changed or reset by exporting.</span></p>${noted}`
}

export function metadataSection(
  metadata: DocumentMetadata,
  warnings: DocWarning[],
  fingerprints?: Fingerprint[]
): SafeHtml {
  const notes = processNotes(fingerprints)
  const noted =
    notes.length === 0
      ? markup``
      : markup`<ul class="plain small">${notes.map((n) => markup`<li>${n.description} <span class="muted">Ordinary reasons: ${innocentSentences(n.innocentExplanations).join(' ')}</span></li>`)}</ul>`
  const present = rows(metadata).filter(([, v]) => v !== undefined && v !== '')
  const table =
    present.length === 0
      ? markup`<p>The file carries no metadata Inkprint can read (plain text and many exports have none).</p>`
      : markup`<table class="data">${columns(24, 40, 30)}<thead><tr><th>Field</th><th>Value</th><th>Note</th></tr></thead><tbody>${present.map(
          ([k, v, note]) =>
            markup`<tr><td>${k}</td><td><bdi>${v}</bdi></td><td class="muted">${note ?? ''}</td></tr>`
        )}</tbody></table>`
  const warned =
    warnings.length === 0
      ? markup``
      : markup`<h3>Notes from reading the file</h3><ul class="plain small">${warnings.map((w) => markup`<li>${w.message}</li>`)}</ul>`
  return markup`<section><h2>Document metadata (process evidence)</h2>
<p class="muted small">Shown as context, never as a verdict. Metadata is easily changed, copied from a template, reset by converting or exporting the file, and differs between applications. A short editing time or a single session can simply mean the text was written elsewhere and pasted in.</p>
${noted}${table}${warned}</section>`
}
