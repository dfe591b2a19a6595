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
    expect(explanation.textContent).toContain('90% interval 84%–95%')
    expect(within(explanation).getByText('“plays a crucial role”')).toBeTruthy()
    expect(explanation.textContent).toContain('Sentence lengths vary much less than in student essays')
    expect(explanation.textContent).toContain('Innocent explanations to consider')
    await fireEvent.click(within(explanation).getByRole('button', { name: 'Close explanation' }))
    expect(screen.queryByTestId('explanation')).toBeNull()
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
    expect(container.textContent).toContain('p = 0.23, 120 tokens')
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
