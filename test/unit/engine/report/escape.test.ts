import { describe, expect, it } from 'vitest'
import { escapeEvidenceText, escapeHtml } from '../../../../src/engine/report'

describe('escapeHtml', () => {
  it('escapes markup characters (and = and :) so no tag, attribute or link can be formed', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href&#61;&quot;x&quot; onclick&#61;&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
    expect(escapeHtml('https://x.test')).toBe('https&#58;//x.test')
  })

  it('shows bidi overrides and isolates as visible labels instead of letting them reorder text', () => {
    const name = 'essay\u202Excod.exe'
    expect(escapeHtml(name)).toBe('essay⟨U+202E⟩xcod.exe')
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const out = escapeHtml(`a${String.fromCodePoint(cp)}b`)
      expect(out).toBe(`a⟨U+${cp.toString(16).toUpperCase()}⟩b`)
    }
  })

  it('labels control characters but keeps tabs and line breaks', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('a⟨U+0000⟩b⟨U+0007⟩c\td\ne')
  })

  it('renders null and undefined as empty and numbers as text', () => {
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml(0.5)).toBe('0.5')
  })
})

describe('escapeEvidenceText', () => {
  it('marks zero-width and tag characters visibly inside quoted text', () => {
    const out = escapeEvidenceText('a\u200Bb\u{E0041}c<')
    expect(out).toBe(
      'a<span class="hidden-char">⟨U+200B⟩</span>b<span class="hidden-char">⟨U+E0041⟩</span>c&lt;'
    )
  })
})
