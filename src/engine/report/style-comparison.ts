/** The style comparison with the student's known writing, for the document report and the class table. */
import type { DocumentResult, StyleComparison } from '../../shared/types'
import { markup, nothing, type SafeHtml } from './html'
import { formatPercent } from './wording'

/** One short phrase for a table cell or a CSV column. */
export function styleCell(c: StyleComparison | undefined): string {
  if (!c) return ''
  if (c.status !== 'compared') {
    if (c.status === 'no-known-writing') return c.student === null ? 'no student matched' : 'no known writing'
    if (c.status === 'too-little-known-writing') return 'too little known writing'
    if (c.status === 'too-short') return 'too short to compare'
    return 'not available'
  }
  const known = `${c.knownTexts} known`
  return c.standsOut
    ? `stands out (same student 1 in ${c.sameWriterOneIn}; ${known})`
    : `within range (same student 1 in ${c.sameWriterOneIn}; ${known})`
}

function passageLine(p: StyleComparison['passages'][number]): SafeHtml {
  const diffs = p.differences.map((d) => d.text).join('; ')
  return markup`<li>Passage ${p.index + 1}${diffs ? markup`: ${diffs}` : ' (no single measure differs strongly)'}</li>`
}

export function styleComparisonSection(result: DocumentResult): SafeHtml {
  const c = result.styleComparison
  if (!c) return nothing
  const heading = markup`<h2>Compared with the student’s known writing</h2>`
  if (c.status !== 'compared')
    return markup`<section class="style-comparison">${heading}<p>${c.message}</p></section>`
  const setting = c.setting
  const settingLine = setting
    ? markup`<p class="small">“Stands out” is set so that about ${formatPercent(setting.falseAlarmRate)} of texts by the same student stand out (measured ${formatPercent(setting.falseAlarmInterval[0])}–${formatPercent(setting.falseAlarmInterval[1])}, 95% interval, on ${setting.measuredOn}).</p>`
    : nothing
  const differences =
    c.differences.length > 0
      ? markup`<h3>The largest differences</h3><ul>${c.differences.map((d) => markup`<li>${d.text}</li>`)}</ul>`
      : markup`<p>No single measure differs by more than the usual spread between student texts.</p>`
  const passages =
    c.passages.length > 0
      ? markup`<h3>Passages that differ most</h3><ul>${c.passages.map(passageLine)}</ul>`
      : nothing
  return markup`<section class="style-comparison">${heading}
<p><b>${c.standsOut ? 'Stands out from' : 'Within the range of'} ${c.student}’s known writing</b> (${c.knownTexts} text${c.knownTexts === 1 ? '' : 's'}, ${c.knownWords} words).</p>
<p>${c.message}</p>${settingLine}${differences}${passages}
<h3>Limits of this comparison</h3><ul>${c.limits.map((l) => markup`<li>${l}</li>`)}</ul>
<p class="small muted">The comparison is weak evidence on its own: with two known texts it tells apart texts by the same and by a different writer only about three times in four (see the style-comparison card).</p></section>`
}
