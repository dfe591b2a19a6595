import { fireEvent, render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import DocumentView from '../../src/renderer/src/lib/components/DocumentView.svelte'
import PassageText from '../../src/renderer/src/lib/components/PassageText.svelte'
import { corruptFile, ESSAY_TEXT, scoredEssay, unscoredEssay } from './sample-results'

describe('PassageText', () => {
  it('shades every passage on its band with a text label, neutral when too short', () => {
    render(PassageText, {
      props: {
        text: ESSAY_TEXT,
        passages: scoredEssay.passages,
        fingerprints: [],
        watermark: null,
        selectedIndex: null,
        onSelect: () => {}
      }
    })
    const passages = screen.getAllByTestId('passage')
    expect(passages.map((p) => p.dataset.band)).toEqual(['human', 'uncertain', 'ai', 'neutral'])
    expect(passages[2].textContent).toContain('Reads like AI · 91%')
    expect(passages[3].textContent).toContain('Too short to judge')
    // The title is kept as text between passages.
    expect(screen.getByText('The Water Cycle and Our Town')).toBeTruthy()
  })

  it('selects a passage from its label button (keyboard path) and by clicking the text', async () => {
    const onSelect = vi.fn()
    render(PassageText, {
      props: {
        text: ESSAY_TEXT,
        passages: scoredEssay.passages,
        fingerprints: [],
        watermark: null,
        selectedIndex: null,
        onSelect
      }
    })
    await fireEvent.click(screen.getByRole('button', { name: /Passage 3: Reads like AI · 91%/ }))
    expect(onSelect).toHaveBeenCalledWith(2)
    await fireEvent.click(screen.getAllByTestId('passage')[0])
    expect(onSelect).toHaveBeenLastCalledWith(0)
    expect(onSelect).toHaveBeenCalledTimes(2)
  })
})

describe('PassageText watermark view', () => {
  it('colours exactly one span per scored token', () => {
    const test = scoredEssay.watermarks![0]
    const { container } = render(PassageText, {
      props: {
        text: ESSAY_TEXT,
        passages: scoredEssay.passages,
        fingerprints: [],
        watermark: test,
        selectedIndex: null,
        onSelect: () => {}
      }
    })
    const red = [...container.querySelectorAll('.token-red')].map((s) => s.textContent)
    const green = container.querySelectorAll('.token-green')
    expect(red.length + green.length).toBe(test.flags.length)
    expect(red).toEqual(test.flags.filter((f) => f.value === 0).map((f) => ESSAY_TEXT.slice(f.start, f.end)))
  })
})

describe('PassageText fingerprints under tokens', () => {
  it('keeps one flag per fingerprint when tokens cut it into pieces', () => {
    const passage = scoredEssay.passages[2]
    // Three-character tokens, as a byte-level BPE produces inside URLs.
    const flags = []
    for (let start = passage.start; start < passage.end; start += 3) {
      flags.push({ start, end: Math.min(start + 3, passage.end), value: flags.length % 2 })
    }
    const watermark = { ...scoredEssay.watermarks![0], flags }
    const { container } = render(PassageText, {
      props: {
        text: ESSAY_TEXT,
        passages: scoredEssay.passages,
        fingerprints: scoredEssay.fingerprints!,
        watermark,
        selectedIndex: null,
        onSelect: () => {}
      }
    })
    expect(container.querySelectorAll('mark.fingerprint').length).toBeGreaterThan(4)
    expect(screen.getAllByRole('img', { name: /^Fingerprint:/ })).toHaveLength(2)
    expect(container.querySelector('article')?.textContent).toContain('water?⚑utm_source=chatgpt.com')
  })
})

describe('DocumentView', () => {
  it('opens an explanation with interval, phrases and innocent explanations', async () => {
    render(DocumentView, { props: { result: scoredEssay, onBack: () => {} } })
    expect(screen.queryByTestId('explanation')).toBeNull()
    const chip = screen.getByRole('button', { name: /Passage 3:/ })
    await fireEvent.click(chip)
    const explanation = screen.getByTestId('explanation')
    expect(chip.getAttribute('aria-expanded')).toBe('true')
    expect(explanation.textContent).toContain('likely between 84%–95%')
    expect(explanation.textContent).not.toMatch(/90% interval|Wilson|Platt/)
    expect(within(explanation).getByText('“plays a crucial role”')).toBeTruthy()
    expect(explanation.textContent).toContain('Sentence lengths vary much less than in student essays')
    expect(explanation.textContent).toContain('Innocent explanations to consider')
    await fireEvent.click(within(explanation).getByRole('button', { name: 'Close explanation' }))
    expect(screen.queryByTestId('explanation')).toBeNull()
    // Escape closes an explanation too.
    await fireEvent.click(chip)
    expect(screen.getByTestId('explanation')).toBeTruthy()
    await fireEvent.keyDown(window, { key: 'Escape' })
    expect(screen.queryByTestId('explanation')).toBeNull()
  })

  it('says a passage leans towards AI, and why it is not shaded, instead of "Uncertain · 93%"', async () => {
    const leaning = {
      ...scoredEssay,
      passages: scoredEssay.passages.map((p) =>
        p.score?.label === 'uncertain' ? { ...p, score: { ...p.score, aiProbability: 0.93 } } : p
      )
    }
    render(DocumentView, { props: { result: leaning, onBack: () => {} } })
    const chip = screen.getByRole('button', { name: /Leans AI, not enough on its own · 93%/ })
    await fireEvent.click(chip)
    const explanation = screen.getByTestId('explanation')
    expect(explanation.textContent).toContain('Leans AI, not enough on its own · 93%')
    expect(within(explanation).getByTestId('leans-ai-reason').textContent).toContain('below that bar')
    expect(document.body.textContent).not.toMatch(/Uncertain · 93%/)
  })

  it('underlines the phrases that pushed the score inside the text itself', () => {
    const { container } = render(DocumentView, { props: { result: scoredEssay, onBack: () => {} } })
    const towardsAi = [...container.querySelectorAll('article mark.phrase-ai')].map((m) => m.textContent)
    expect(towardsAi).toEqual(['plays a crucial role', 'It is important to note'])
    const towardsHuman = [...container.querySelectorAll('article mark.phrase-human')].map(
      (m) => m.textContent
    )
    expect(towardsHuman).toEqual(['grandma’s house'])
    // No diagonal stripes behind text that must be read.
    const ai = container.querySelector<HTMLElement>('.band-ai')
    expect(ai && getComputedStyle(ai).backgroundImage).not.toMatch(/repeating-linear-gradient/)
  })

  it('keeps copy-and-paste traces apart from the file history', () => {
    const withHistory = {
      ...scoredEssay,
      fingerprints: [
        ...(scoredEssay.fingerprints ?? []),
        {
          kind: 'metadata' as const,
          rule: 'single-revision',
          start: null,
          end: null,
          count: 1,
          description: 'The file was saved only once (revision 1) for about 420 words.',
          innocentExplanations: [
            'Writing in Google Docs and exporting gives the same picture.',
            'Save As resets it.'
          ]
        }
      ]
    }
    render(DocumentView, { props: { result: withHistory, onBack: () => {} } })
    const traces = screen.getByRole('region', { name: 'Copy-and-paste fingerprints' })
    expect(traces.textContent).not.toContain('saved only once')
    expect(within(traces).getAllByText('⚑')).toHaveLength(2)
    // "Could also be innocent: Copied from a web page or a PDF. Some keyboards …" — one full stop each, no ".;".
    expect(traces.textContent).toContain(
      'Copied from a web page or a PDF. Some keyboards and editors insert it.'
    )
    expect(traces.textContent).not.toMatch(/\.;|\.\./)
    const history = screen.getByTestId('process-notes')
    expect(history.textContent).toContain('saved only once')
    expect(history.textContent).not.toContain('⚑')
  })

  it('shows one number as the headline and says what the AI probability assumes', () => {
    render(DocumentView, { props: { result: scoredEssay, onBack: () => {} } })
    expect(screen.getByTestId('headline').textContent?.trim()).toBe(
      'About 1 in 2,000 human texts score this high'
    )
    expect(screen.getByTestId('ai-probability').textContent).toContain(
      'AI probability 86%, assuming half of the texts checked are AI-written'
    )
    // Only passage 3 reads like AI by its own label; passage 2 (uncertain) is not named with it.
    expect(screen.getByTestId('ai-passages').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Passage 3 reads like AI-generated writing.'
    )
  })

  it('marks fingerprints in place and shows watermark tokens on request', async () => {
    const { container } = render(DocumentView, { props: { result: scoredEssay, onBack: () => {} } })
    expect(screen.getByRole('img', { name: /Fingerprint: A zero-width space/ })).toBeTruthy()
    expect(container.textContent).toContain('⟨U+200B⟩')
    expect(container.querySelectorAll('.token-green')).toHaveLength(0)
    await fireEvent.click(screen.getByLabelText('Show green/red tokens in the text'))
    expect(container.querySelectorAll('.token-green').length).toBeGreaterThan(10)
    expect(container.querySelectorAll('.token-red').length).toBeGreaterThan(5)
    // Tokens cut the fingerprints into pieces, but each fingerprint still carries one flag.
    expect(screen.getAllByRole('img', { name: /^Fingerprint:/ })).toHaveLength(2)
    // Token view replaces likelihood shading, so the two colour scales never mix.
    expect(container.querySelectorAll('.band-ai')).toHaveLength(0)
    expect(container.textContent).toContain('Absence of a watermark proves nothing')
    // The same p-value as the report (raw and corrected), never a rounded "1.0".
    expect(container.textContent).toContain('p = 0.115; corrected 0.230; 120')
  })

  it('shows the watermark tests as one line unless something was found', () => {
    render(DocumentView, { props: { result: scoredEssay, onBack: () => {} } })
    expect(screen.getByTestId('watermark-line').textContent?.trim()).toBe(
      'No known watermark found — 1 published key tested; absence proves nothing.'
    )
    expect(screen.getByText('Details of each key tested').closest('details')?.open).toBe(false)
  })

  it('renders unscored documents neutrally and says so', () => {
    render(DocumentView, { props: { result: unscoredEssay, onBack: () => {} } })
    expect(screen.getAllByTestId('passage').every((p) => p.dataset.band === 'neutral')).toBe(true)
    expect(screen.getByText(/Scores not available: passages are shown without shading/)).toBeTruthy()
    expect(screen.getByText('Watermark checks not available for this file.')).toBeTruthy()
  })

  it('shows an error card for a failed file', () => {
    render(DocumentView, { props: { result: corruptFile, onBack: () => {} } })
    expect(screen.getByRole('alert').textContent).toContain('could not be opened')
    expect(screen.queryAllByTestId('passage')).toHaveLength(0)
  })
})

describe('DocumentView: text read by OCR', () => {
  const ocr = {
    engine: 'Tesseract',
    pages: [1, 2],
    confidence: 41,
    pageConfidence: [40, 42],
    floor: 85,
    msPerPage: 900
  }

  it('a multi-page scan (TIFF) names its pages; unreadable text says handwriting cannot be read, with no verdict', () => {
    const result = {
      ...scoredEssay,
      format: 'image' as const,
      status: 'unsupported' as const,
      detector: undefined,
      ocr,
      passages: scoredEssay.passages.map((p) => ({
        ...p,
        score: undefined,
        ocrConfidence: 41,
        ocrUnreliable: true
      })),
      warnings: [{ code: 'ocr-unreliable' as const, message: 'Could not read reliably' }]
    }
    render(DocumentView, { props: { result, onBack: () => {} } })
    const note = screen.getByTestId('ocr-note')
    expect(note.textContent).toMatch(/pages 1, 2 of this image,\s*41% mean confidence/)
    expect(note.textContent).toMatch(/Could not read reliably.*does not read handwriting usefully/s)
    expect(screen.queryByTestId('verdict')).toBeNull()
  })
})
