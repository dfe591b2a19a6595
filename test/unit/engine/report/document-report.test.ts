import { describe, expect, it } from 'vitest'
import { renderDocumentReport, REPORT_CSP } from '../../../../src/engine/report'
import { CTX, errorResult, essay300Result, MODEL_SHA, okResult, SHA, tooShortResult } from './fixtures'
import { visibleText } from './html-text'

const ACCUSING = /cheat|plagiari|guilty|dishonest|this student (used|wrote)|proves? (that )?(the )?student/i

describe('document report for a scored document', () => {
  const html = renderDocumentReport(okResult(), CTX)
  const text = visibleText(html)

  it('is one self-contained page with a strict CSP and no scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i)
    expect(html).toMatch(/@page \{\s*size: A4;/)
    expect(html).toContain('print-color-adjust: exact')
  })

  it('heads the report with file, hash, version, model, operating point and calibration', () => {
    expect(text).toContain('jane-doe_history-essay.docx')
    expect(text).toContain('24.2 KB')
    expect(text).toContain(SHA)
    expect(text).toContain('2026-11-29 09:40 UTC')
    expect(text).toContain('Inkprint version 0.4.0')
    expect(text).toContain('inkprint-detector 1.2.0')
    expect(text).toContain(MODEL_SHA)
    expect(text).toContain('strict (threshold 0.912): measured false-positive rate 1%, 95% upper bound 1.6%')
    expect(text).toContain(
      'Northfield High, essays 2019–2021: false-positive rate 1% (95% interval 0.3%–2.5%) on 412'
    )
  })

  it('summarises in careful words with the measured false-positive rate', () => {
    expect(text).toContain('Reads like AI-generated writing')
    expect(text).toContain(
      'Passages 4–6 (41% of the text) score like AI-generated writing; at this setting about 1 in 100 human essays is flagged'
    )
    expect(text).toContain('not proof of how it was produced')
    expect(text).not.toMatch(ACCUSING)
  })

  it('shows every passage with a text label and marker, not colour alone, and its explanation', () => {
    expect(text).toContain('▲ Reads like AI · AI probability 94% (likely 88%–98%) · Passage 4 · page 1')
    expect(text).toContain('● Reads like human · AI probability 4%')
    expect(text).toContain('○ Too short to judge · Passage 7')
    expect(html).toContain(
      '<mark class="to-ai" title="pushes towards AI">it is important to note that</mark>'
    )
    // The reasons follow the text, passage by passage, so the text itself stays on the first page.
    const why = text.indexOf('Why the passages read as they do')
    expect(why).toBeGreaterThan(text.indexOf('Anyway I think the mills were good and bad.'))
    expect(text.slice(why)).toContain(
      '● Passage 2 · Reads like human Towards human: “couldnt hear yourself think” (-0.70).'
    )
    expect(text.slice(why)).toContain(
      '▲ Passage 4 · Reads like AI Towards AI: “it is important to note that” (+0.82)'
    )
    expect(text).toContain('Style towards AI: Sentence lengths vary much less than in student essays.')
    expect(text).not.toContain('90% interval')
    // A range whose ends round alike is left out rather than shown as "98%–98%".
    const narrow = okResult()
    narrow.passages[3] = {
      ...narrow.passages[3],
      score: { ...narrow.passages[3].score!, interval: [0.981, 0.984] }
    }
    const narrowText = visibleText(renderDocumentReport(narrow, CTX))
    expect(narrowText).toContain('▲ Reads like AI · AI probability 94% · Passage 4 · page 1')
    // 7 passages and the 2 copy-and-paste traces (the file-history note is process evidence, not a trace).
    expect(html.match(/class="passage band-/g)).toHaveLength(7 + 2)
  })

  it('tables the watermark tests with p-values and says what they cannot mean', () => {
    expect(text).toContain(
      'SynthID-Text Northfield tutor bot (school key) gemma 198 mean g = 0.56 2.1×10⁻⁴ 4.2×10⁻⁴'
    )
    expect(text).toContain('⚑ Watermark signal for this key')
    expect(text).toContain('No evidence for this key')
    expect(text).toContain('A p-value is about one named key')
    expect(text).toContain('Absence of a watermark proves nothing')
    expect(text).toContain('No commercial chatbot publishes its watermark key')
  })

  it('locates fingerprints with a quoted context and innocent explanations', () => {
    expect(text).toMatch(/Where: Passage 6, page 2, characters \d+–\d+: “…[^”]*utm_source=chatgpt\.com[^”]*”/)
    expect(text).toContain('further⟨U+200B⟩ context')
    expect(text).toContain('Could also be innocent: Copied from a web page or PDF')
    expect(text).not.toContain('Whole document (from the file’s metadata)')
    // File history is process evidence, told before the copy-and-paste traces and never as a ⚑ trace.
    const history = text.indexOf('Total editing time is 7 minutes')
    expect(history).toBeGreaterThan(text.indexOf('File history (process evidence)'))
    expect(history).toBeLessThan(text.indexOf('Copy-and-paste traces'))
    expect(text).not.toContain('⚑ File metadata')
    expect(text).not.toMatch(/\.;|\.\.(?!\.)/)
  })

  it('leads with one headline number and keeps the watermark statistics for an appendix', () => {
    const fixture = okResult()
    const d = fixture.detector!
    const withRate = renderDocumentReport(
      { ...fixture, detector: { ...d, humanRate: { rate: 0.0005, n: 1800, belowResolution: false } } },
      CTX
    )
    const t = visibleText(withRate)
    expect(t).toContain('About 1 in 2,000 human texts score this high.')
    expect(t).toContain('AI probability 83%, assuming half of the texts checked are AI-written')
    const line = t.indexOf('Watermark found for “Northfield tutor bot (school key)”')
    const appendix = t.indexOf('Appendix: watermark statistics')
    expect(line).toBeGreaterThan(0)
    expect(line).toBeLessThan(appendix)
    expect(appendix).toBeGreaterThan(t.indexOf('Next steps'))
    expect(t.indexOf('Tokens scored')).toBeGreaterThan(appendix)
    // Hashes, the error-rate table and the metadata table are technical detail, after the watermark appendix.
    const technical = t.indexOf('Appendix: technical details')
    expect(technical).toBeGreaterThan(appendix)
    for (const detail of [
      SHA,
      MODEL_SHA,
      'Field Value Note',
      'Writers Measure Texts Rate',
      'Reproducibility'
    ])
      expect(t.indexOf(detail), detail).toBeGreaterThan(technical)
  })

  it('says a style note every passage shares once, not once per passage', () => {
    const { result, ctx } = essay300Result()
    const t = visibleText(renderDocumentReport(result, ctx))
    const note = 'Words are shorter than in typical student essays'
    expect(t.split(note)).toHaveLength(2)
    expect(t).toContain(`Every passage Style towards AI: ${note}; sentence lengths vary less`)
    expect(t).toContain('▲ Passage 1 · Reads like AI Towards AI: “My grandfather” (+1.40)')
  })

  it('says "limited evidence" for a short text and gives no verdict', () => {
    const t = visibleText(renderDocumentReport({ ...okResult(), words: 120 }, CTX))
    expect(t).toContain('Limited evidence: too short for a verdict')
    expect(t).toContain('With 120 words (under 150) there is too little text for a verdict')
    expect(t).not.toContain('Reads like AI-generated writing')
  })

  it('shows metadata as process evidence, then limitations, error rates, advice and reproducibility', () => {
    expect(text).toContain('Total editing time 7 min')
    expect(text).toContain('Editing sessions (rsid) 1')
    expect(text).toContain('never as a verdict')
    const limits = text.indexOf('What this report cannot show')
    expect(limits).toBeGreaterThan(text.indexOf('File history (process evidence)'))
    expect(limits).toBeLessThan(text.indexOf('Document metadata (process evidence)'))
    // The body names the highest measured false-positive rate; the appendix tables every group.
    expect(text).toContain(
      'human texts were flagged by mistake in at most 2.5% of any group of writers tested (highest: Non-native (EFL) student essays, 640 texts)'
    )
    expect(text).toContain('Non-native (EFL) student essays Human texts flagged 640 2.5% 1.5%–4%')
    expect(text).toContain('talk with the student')
    expect(text).toContain('version history')
    expect(text).toMatch(/Reproducibility: checking the same file .* same Inkprint version \(0\.4\.0\)/)
  })

  it('is reproducible: the same input and context give byte-identical HTML', () => {
    expect(renderDocumentReport(okResult(), CTX)).toBe(html)
    expect(renderDocumentReport(structuredClone(okResult()), structuredClone(CTX))).toBe(html)
    const later = renderDocumentReport(okResult(), { ...CTX, generatedAt: '2027-01-02T03:04:05Z' })
    expect(later).not.toBe(html)
    expect(later.replace('2027-01-02 03&#58;04 UTC', '2026-11-29 09&#58;41 UTC')).toBe(html)
  })
})

describe('document report with signals missing', () => {
  it('says plainly what was not run, and where the error rates are when no model card is given', () => {
    const { detector, watermarks, fingerprints, ...rest } = okResult()
    expect(detector && watermarks && fingerprints).toBeTruthy()
    const bare = { ...rest, passages: rest.passages.map((p) => ({ ...p, score: undefined })) }
    const text = visibleText(
      renderDocumentReport(bare, { generatedAt: CTX.generatedAt, inkprintVersion: '0.4.0' })
    )
    expect(text).toContain('The AI-likelihood detector was not run for this document')
    expect(text).toContain('Watermark tests were not run for this document.')
    expect(text).toContain('Copy-and-paste traces: the fingerprint scan was not run for this document.')
    expect(text).toContain('published in the detector’s model card')
    expect(text).toContain('○ Not scored · Passage 4')
    expect(text).not.toContain('Reads like AI')
  })

  it('says when text was not included instead of showing empty passages', () => {
    const { text: _omitted, ...withoutText } = okResult()
    expect(_omitted).toBeDefined()
    const text = visibleText(renderDocumentReport(withoutText, CTX))
    expect(text).toContain('Text not included in this result')
    expect(text).not.toContain('couldnt hear yourself think.')
  })
})

describe('short reports for documents that could not be scored', () => {
  it('explains an error with its message and code, without a verdict', () => {
    const text = visibleText(renderDocumentReport(errorResult(), CTX))
    expect(text).toContain('This file could not be checked')
    expect(text).toContain('only scanned images of pages')
    expect(text).toContain('Error code: scanned')
    expect(text).toContain('sam-smith.pdf')
    expect(text).not.toMatch(/Reads like|AI probability|passage by passage/)
    expect(text).toContain('PDF producer HP Scan 2.1')
  })

  it('says a too-short text is too short to judge, and shows it unscored', () => {
    const text = visibleText(renderDocumentReport(tooShortResult(), CTX))
    expect(text).toContain('Too short to judge reliably')
    expect(text).toContain('With 11 words there is not enough text')
    expect(text).toContain('My summer holiday was fun')
    expect(text).not.toMatch(ACCUSING)
  })

  it('reports an unsupported language with the warning message', () => {
    const result = {
      ...tooShortResult(),
      status: 'unsupported' as const,
      warnings: [{ code: 'non-english' as const, message: 'This text does not look like English.' }]
    }
    const text = visibleText(renderDocumentReport(result, CTX))
    expect(text).toContain('This file could not be checked: not supported')
    expect(text).toContain('This text does not look like English.')
  })
})
