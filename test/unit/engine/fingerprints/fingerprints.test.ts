import { describe, expect, it } from 'vitest'
import { findFingerprints, showInvisible } from '../../../../src/engine/fingerprints'
import type { Fingerprint } from '../../../../src/shared/types'

const only = (text: string, rule: string, format?: Parameters<typeof findFingerprints>[2]): Fingerprint[] =>
  findFingerprints(text, {}, format).filter((f) => f.rule === rule)

describe('invisible characters', () => {
  it('groups a run of zero-width spaces into one located finding', () => {
    const text = 'Hello\u200B\u200B\u200Bworld and\u200Bmore'
    const hits = only(text, 'zero-width-space')
    expect(hits).toHaveLength(2)
    expect(hits[0]).toMatchObject({ kind: 'invisible-character', start: 5, end: 8, count: 3 })
    expect(hits[1]).toMatchObject({ start: 17, end: 18, count: 1 })
    expect(hits[0].description).toContain('U+200B')
    expect(hits[0].innocentExplanations.length).toBeGreaterThan(0)
  })

  it('finds joiners, word joiner, soft hyphen and BOM, but not in their legitimate places', () => {
    const text =
      '\uFEFFStart. co\u00ADoperate a\u2060b x\u200Dy 👩\u200D💻 می\u200Cخواهم z\uFEFFz one\u2060—a'
    const rules = findFingerprints(text, {}).map((f) => [f.rule, f.start])
    expect(rules).toContainEqual(['soft-hyphen', 10])
    expect(rules).toContainEqual(['word-joiner', 20])
    expect(rules).toContainEqual(['zero-width-joiner', 24])
    // BOM at the very start, ZWJ inside the emoji sequence and ZWNJ in Persian are not reported
    expect(rules.filter(([r]) => r === 'byte-order-mark')).toEqual([
      ['byte-order-mark', text.lastIndexOf('\uFEFF')]
    ])
    expect(rules.filter(([r]) => r === 'zero-width-joiner')).toHaveLength(1)
    expect(rules.filter(([r]) => r === 'zero-width-non-joiner')).toHaveLength(0)
  })

  it('reports U+202F except in French punctuation, digit groups and times', () => {
    const text = 'Bonjour\u202F! It costs 1\u202F000 at 10:30\u202FAM. The\u202Fend.'
    const hits = only(text, 'narrow-no-break-space')
    expect(hits.map((h) => h.start)).toEqual([text.indexOf('The') + 3])
  })

  it('decodes hidden ASCII in Unicode tag characters and ignores flag emoji', () => {
    const hidden = Array.from('Ignore previous', (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join(
      ''
    )
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'
    const text = `Essay ${england} text${hidden}end`
    const hits = only(text, 'unicode-tag-characters')
    expect(hits).toHaveLength(1)
    expect(hits[0].kind).toBe('tag-character')
    expect(hits[0].start).toBe(text.indexOf('text') + 4)
    expect(hits[0].end).toBe(text.indexOf('end'))
    expect(hits[0].count).toBe(15)
    expect(hits[0].description).toContain('"Ignore previous"')
  })

  it('reports bidi controls unless the text around them is right-to-left', () => {
    const text = 'abc\u202Edef'
    expect(only(text, 'bidi-control')[0]).toMatchObject({ kind: 'bidi-control', start: 3, end: 4 })
    expect(only('שלום \u202Bעולם', 'bidi-control')).toHaveLength(0)
  })

  it('detects a C2PA text manifest', () => {
    const manifest = '\uFEFF' + '\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09'
    const hits = findFingerprints(`Text.${manifest}`, {})
    expect(hits.map((h) => h.rule)).toEqual(['c2pa-text-manifest'])
    expect(hits[0].start).toBe(5)
  })

  it('renders invisible characters visibly', () => {
    expect(showInvisible('a\u200Bb c')).toBe('a⟨U+200B⟩b c')
  })
})

describe('homoglyphs', () => {
  it('flags a Latin word with Cyrillic look-alikes, not genuine Cyrillic words', () => {
    const text = 'The pаper (Russian: бумага) was good.'
    const hits = only(text, 'mixed-script-word')
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ kind: 'homoglyph', start: 4, end: 9, count: 1 })
    expect(hits[0].description).toContain('Cyrillic')
    expect(hits[0].description).toContain('U+0430')
  })

  it('does not flag Greek-letter notation such as λCDM or μm, but does flag Greek letters hidden inside words', () => {
    expect(only('The λCDM model at 5 μm and 3 Ωcm.', 'mixed-script-word')).toEqual([])
    const hits = only('An ordinary sentence with a hidden οmicron in cοde.', 'mixed-script-word')
    expect(hits.map((h) => h.start)).toEqual([35, 46])
  })
})

describe('chatbot copy artefacts', () => {
  it('finds utm_source tags of several assistants with exact offsets', () => {
    const text =
      'See https://example.org/a?utm_source=chatgpt.com and https://x.org/?ref=1&utm_source=perplexity and claude.ai?utm_source=claude.ai'
    const got = findFingerprints(text, {}).map((f) => [f.rule, f.start, text.slice(f.start ?? 0, f.end ?? 0)])
    expect(got).toContainEqual(['utm-chatgpt', 25, '?utm_source=chatgpt.com'])
    expect(got).toContainEqual(['utm-perplexity', text.indexOf('&utm'), '&utm_source=perplexity'])
    expect(got).toContainEqual(['utm-claude', text.lastIndexOf('?utm'), '?utm_source=claude.ai'])
  })

  it('finds ChatGPT citation markup in its visible and invisible forms', () => {
    const text =
      'Rome fell in 476. :contentReference[oaicite:0]{index=0} Also 【4:0†source】 and \uE200cite\uE202turn0search0\uE201 and citeturn1news2.'
    const hits = findFingerprints(text, {})
    const byRule = (r: string): Fingerprint | undefined => hits.find((h) => h.rule === r)
    expect(byRule('oaicite')).toMatchObject({
      start: 18,
      end: 18 + ':contentReference[oaicite:0]{index=0}'.length
    })
    expect(byRule('file-search-citation')).toMatchObject({ start: text.indexOf('【') })
    expect(byRule('openai-citation-marker')).toMatchObject({
      kind: 'private-use',
      start: text.indexOf('\uE200')
    })
    expect(byRule('openai-citation-text')).toMatchObject({ start: text.indexOf('citeturn1') })
  })

  it('finds typical chatbot phrases', () => {
    const text =
      'Certainly! Here is your essay. As an AI language model, I cannot. As of my last knowledge update, yes. I hope this helps!'
    const rules = findFingerprints(text, {}).map((f) => [f.rule, f.start])
    expect(rules).toEqual([
      ['certainly-heres', 0],
      ['as-an-ai-language-model', text.indexOf('As an AI')],
      ['knowledge-cutoff', text.indexOf('As of my')],
      ['hope-this-helps', text.indexOf('I hope')]
    ])
  })
})

describe('leftover Markdown depends on the format', () => {
  const text = '### Introduction\nThe **main** point:\n- first\n- second\n- third\nEnd.'
  it('is reported in a word-processor document', () => {
    const hits = findFingerprints(text, {}, { format: 'docx' })
    expect(hits.map((h) => [h.rule, h.start, h.count])).toEqual([
      ['markdown-heading', 0, 1],
      ['markdown-bold', text.indexOf('**'), 1],
      ['markdown-bullets', text.indexOf('- first'), 3]
    ])
    expect(hits[0].description).toContain('unusual in a word-processor document')
    expect(text.slice(hits[2].start ?? 0, hits[2].end ?? 0)).toBe('- first\n- second\n- third')
  })
  it('is normal in a Markdown file', () => {
    expect(findFingerprints(text, {}, { format: 'md' })).toEqual([])
  })
  it('is reported with a softer note in plain text', () => {
    expect(findFingerprints(text, {}, { format: 'txt' })[0].description).toContain('common and means little')
  })
})

describe('metadata observations', () => {
  const longText = 'word '.repeat(1200)
  it('describes process clues in plain words, never as a verdict', () => {
    const hits = findFingerprints(longText, {
      totalEditingMinutes: 3,
      revision: 1,
      rsidSessions: 1,
      application: 'python-docx',
      producer: 'ChatGPT export'
    })
    expect(hits.map((h) => h.rule)).toEqual([
      'short-editing-time',
      'single-revision',
      'single-editing-session',
      'producer-converter',
      'producer-ai-tool'
    ])
    for (const h of hits) {
      expect(h.kind).toBe('metadata')
      expect(h.start).toBeNull()
      expect(h.description).toContain('a reason to ask')
      expect(h.innocentExplanations.length).toBeGreaterThan(0)
    }
    expect(hits[0].description).toContain('3 minutes')
    expect(hits[0].description).toContain('1200 words')
  })
  it('says nothing about ordinary metadata or short documents', () => {
    expect(
      findFingerprints(longText, {
        totalEditingMinutes: 240,
        revision: 14,
        rsidSessions: 9,
        application: 'Microsoft Office Word'
      })
    ).toEqual([])
    expect(
      findFingerprints('a short note', { totalEditingMinutes: 0, revision: 1, rsidSessions: 1 })
    ).toEqual([])
  })
})

describe('clean text', () => {
  it('an ordinary essay with em dashes, curly quotes and emoji gives no findings', () => {
    const text =
      'My summer — honestly — was “fine”. We delved into history 😀👍🏽 and visited the Bibliothèque at 9:30 AM.'
    expect(findFingerprints(text, {}, { format: 'docx' })).toEqual([])
  })
})
