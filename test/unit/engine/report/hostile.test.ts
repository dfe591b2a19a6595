import { describe, expect, it } from 'vitest'
import { renderClassReport, renderDocumentReport } from '../../../../src/engine/report'
import { REPORT_CSS } from '../../../../src/engine/report/styles'
import { CTX, errorResult } from './fixtures'
import { visibleText } from './html-text'
import { hostileResult, HOSTILE_NAME, LONG_WORD } from './hostile'

function assertInert(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\bon\w+\s*=/i)
  expect(html).not.toMatch(/<(img|iframe|svg|link|a|meta http-equiv="?refresh)\b/i)
  expect(html).not.toMatch(/https?:\/\/|javascript:/i)
  // Quoted student text may say "url(" as words; no tag and no stylesheet may.
  for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/url\(|\/\/|\bon\w+=|javascript/i)
  expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  // Exactly one stylesheet, and it is the constant one: nothing from the document reached CSS.
  expect(html.match(/<style>/g)).toHaveLength(1)
  expect(html.match(/<\/style>/g)).toHaveLength(1)
  expect(html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'))).toBe(REPORT_CSS)
  // Every attribute value in the output is one the report itself writes.
  const attributes = [...html.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`)
  for (const a of attributes)
    expect(a).toMatch(/^(lang|charset|http-equiv|content|name|class|role|title|colspan)=[\w\s'.;:/()+-]*$/)
}

describe('a hostile essay', () => {
  const html = renderDocumentReport(hostileResult(), CTX)
  const text = visibleText(html)

  it('leaves no live markup, handler, stylesheet or external URL in the report', () => {
    assertInert(html)
  })

  it('still shows the attack as plain quoted text, so the reader sees what the file contains', () => {
    expect(text).toContain('Dear teacher <script>alert("owned")</script> please read.')
    expect(text).toContain('<img src=x onerror=alert(document.cookie)>')
    expect(text).toContain('</style><style>body{background:url(https://evil.example/track.png)}</style>')
    expect(text).toContain('"><img src=x onerror=alert(1)>⟨U+202E⟩gpj.docx')
    expect(text).toContain('Author (creator) <script>alert(2)</script>')
  })

  it('renders bidi overrides and isolates visibly instead of letting them reorder the text', () => {
    expect(text).toContain('the total is ⟨U+202E⟩0001⟨U+202C⟩ dollars, and ⟨U+2066⟩isolated⟨U+2069⟩ text')
    expect(text).toContain('Title ⟨U+202E⟩txt.exe')
  })

  it('keeps a 5000-character word intact and lets it wrap', () => {
    expect(html).toContain(LONG_WORD)
    expect(REPORT_CSS).toMatch(/body \{[^}]*overflow-wrap: anywhere/)
  })

  it('keeps the class report inert too', () => {
    const cls = renderClassReport([hostileResult(), errorResult()], CTX)
    assertInert(cls)
    expect(visibleText(cls)).toContain(HOSTILE_NAME.replace('\u202E', '⟨U+202E⟩'))
  })
})
