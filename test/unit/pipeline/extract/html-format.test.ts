/** HTML online-text submissions and saved pages: exact offsets; scripts, styles and hidden text left out. */
import { describe, expect, it } from 'vitest'
import { extractBuffer } from '../../../../src/pipeline/extract'
import { decodeEntities, extractHtml } from '../../../../src/pipeline/extract/html'
import { onlineTextHtml, studentEssay } from '../../../fixtures/make-lms-archives.mjs'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

async function read(html: string, name = 'page.html') {
  const out = await extractBuffer(enc(html), name)
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`)
  return out.doc
}

describe('HTML documents', () => {
  it('reads an online-text submission paragraph by paragraph with exact offsets', async () => {
    const doc = await read(onlineTextHtml(2, { title: 'Essay 1' }))
    expect(doc.format).toBe('html')
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(studentEssay(2))
    expect(doc.metadata.title).toBe('Essay 1')
    expect(doc.text).not.toContain('tracking')
    expect(doc.text).not.toContain('font-family')
  })

  it('leaves out scripts, styles, comments, head, templates and hidden elements', async () => {
    const html = `<html><head><title>T</title><style>.sr { display: none } #gone{visibility:hidden} p.tiny { font-size: 0 }</style></head>
<body><h1>My Essay</h1>
<p>Visible one.<script>document.write("injected words")</script><!-- a comment --></p>
<p hidden>hidden attribute text</p>
<p style="display:none">inline none text</p>
<p style="color: red; opacity: 0">transparent text</p>
<span class="sr other">class hidden text</span><div id="gone">id hidden text</div>
<p class="tiny">zero size text</p>
<template><p>template text</p></template><noscript>enable scripts</noscript>
<form><input type="hidden" value="x"><textarea>typed in a box</textarea><button>Submit</button></form>
<p>Visible two &amp; three &lt;four&gt; &eacute;t&eacute; &#8217; &#x2014; &nbsp;end.</p></body></html>`
    const doc = await read(html)
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual([
      'My Essay',
      'Visible one.',
      'Visible two & three <four> été ’ — end.'
    ])
    expect(doc.paragraphs[0].kind).toBe('heading')
    expect(doc.warnings.some((w) => /hides text/.test(w.message))).toBe(true)
  })

  it('keeps structure: lists, tables, quotes, <br><br> paragraphs, unclosed <p> and <li>', async () => {
    const doc = await read(
      `<body><p>First line<br>same paragraph<br><br>Second paragraph<p>Third, never closed` +
        `<ul><li>one<li>two</ul><blockquote>Quoted words.</blockquote>` +
        `<table><tr><td>cell a<td>cell b</tr></table><pre>  code\n  kept</pre></body>`
    )
    const parts = doc.paragraphs.map((p) => [doc.text.slice(p.start, p.end), p.kind])
    expect(parts).toEqual([
      ['First line\nsame paragraph', 'prose'],
      ['Second paragraph', 'prose'],
      ['Third, never closed', 'prose'],
      ['one', 'list'],
      ['two', 'list'],
      ['Quoted words.', 'quote'],
      ['cell a', 'table'],
      ['cell b', 'table'],
      ['code\n  kept', 'code']
    ])
  })

  it('reads Google Docs "Web page" exports (styled spans) and Windows-1252 pages', async () => {
    const gdocs =
      '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c1{font-weight:700}.c2{color:#000000}</style></head>' +
      '<body class="c3 doc-content"><p class="c2"><span class="c1">Bold start</span><span> and the rest of the sentence.</span></p><p class="c2 c5"><span></span></p><p class="c2"><span>Next one.</span></p></body></html>'
    const doc = await read(gdocs)
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual([
      'Bold start and the rest of the sentence.',
      'Next one.'
    ])
    const latin1 = new Uint8Array([...enc('<p>Caf'), 0xe9, ...enc(' au lait</p>')])
    const out = await extractBuffer(latin1, 'old.htm')
    expect(out.ok && out.doc.text).toBe('Café au lait')
  })

  it('entities: numeric, named, unknown kept as written', () => {
    expect(decodeEntities('&lt;&#65;&#x42;&Uuml;&madeup;&#0;')).toBe('<ABÜ&madeup;\ufffd')
  })

  it('refuses pathological nesting as too complex, and a page with no text as empty', async () => {
    const deep = '<div>'.repeat(2000) + 'x' + '</div>'.repeat(2000)
    const out = await extractBuffer(enc(deep), 'deep.html')
    expect(!out.ok && out.error.code).toBe('too-complex')
    const empty = await extractBuffer(
      enc('<html><head><script>var a = 1</script></head><body></body></html>'),
      'e.html'
    )
    expect(!empty.ok && empty.error.code).toBe('empty')
    expect(extractHtml(enc('<p>a < b and c</p>')).blocks[0].text).toBe('a < b and c')
  })
})
