import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ErrorCard from '../../src/renderer/src/lib/components/ErrorCard.svelte'
import MetadataPanel from '../../src/renderer/src/lib/components/MetadataPanel.svelte'
import SummaryCard from '../../src/renderer/src/lib/components/SummaryCard.svelte'
import { corruptFile, scoredEssay, shortNote, unscoredEssay } from './sample-results'

describe('SummaryCard', () => {
  it('states the verdict carefully with the measured false-positive rate and AI share', () => {
    render(SummaryCard, { props: { result: scoredEssay } })
    expect(screen.getByTestId('verdict').textContent).toBe('Reads like AI-generated writing')
    expect(screen.getByText(/At this setting about 1 in 100 human essays is flagged/)).toBeTruthy()
    expect(screen.getByText('41% of the text')).toBeTruthy()
    expect(screen.getByText(/Passage 3/).textContent).toMatch(/reads like AI-generated writing/)
    expect(document.body.textContent).not.toMatch(/n=\d|test split|Wilson|Platt/)
    expect(screen.getByText(/Page headers were removed/)).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/cheat/i)
  })

  it('shows a short text’s score with "limited evidence" and no verdict', () => {
    render(SummaryCard, { props: { result: shortNote } })
    expect(screen.getByTestId('verdict').textContent).toBe('Limited evidence: too short for a verdict')
    expect(screen.getByTestId('limited-evidence').textContent).toContain('60 words (under 150)')
    expect(screen.getByTestId('headline').textContent).toContain('About 1 in 100 human texts score this high')
    expect(document.body.textContent).not.toMatch(/Reads like AI-generated writing/)
  })

  it('says "fewer than 1 in N" when no human text measured scored as high', () => {
    const detector = { ...scoredEssay.detector!, humanRate: { rate: 0, n: 579, belowResolution: true } }
    render(SummaryCard, { props: { result: { ...scoredEssay, detector } } })
    expect(screen.getByTestId('headline').textContent?.trim()).toBe(
      'Fewer than 1 in 579 human texts score this high'
    )
  })

  it('says why a flagged text reads like AI when none of its passages does on its own', () => {
    const passages = scoredEssay.passages.map((p) =>
      p.score?.label === 'likely-ai' ? { ...p, score: { ...p.score, label: 'uncertain' as const } } : p
    )
    render(SummaryCard, { props: { result: { ...scoredEssay, passages } } })
    expect(screen.getByTestId('verdict').textContent).toBe('Reads like AI-generated writing')
    expect(screen.getByTestId('ai-passages').textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /^No passage reads like AI-generated writing on its own; the text as a whole does\./
    )
  })

  it('says when scores are not available', () => {
    render(SummaryCard, { props: { result: unscoredEssay } })
    expect(screen.getByTestId('verdict').textContent).toBe('Scores not available')
    expect(screen.queryByText(/human essays is flagged/)).toBeNull()
  })
})

describe('ErrorCard', () => {
  it('shows the message and the reason code of a failed file', () => {
    render(ErrorCard, { props: { result: corruptFile } })
    expect(screen.getByRole('alert').textContent).toContain(
      'This DOCX file is damaged and could not be opened.'
    )
    expect(screen.getByText('Reason code: corrupt')).toBeTruthy()
  })
})

describe('MetadataPanel', () => {
  it('frames file properties as process evidence', () => {
    render(MetadataPanel, { props: { metadata: scoredEssay.metadata, format: 'docx' } })
    expect(screen.getByText('Total editing time').nextElementSibling?.textContent).toBe('3 min')
    expect(screen.getByText('Written with').nextElementSibling?.textContent).toBe(
      'Microsoft Office Word 16.0000'
    )
    expect(screen.getByText(/not a verdict/)).toBeTruthy()
  })

  it('says when a file carries no history', () => {
    render(MetadataPanel, { props: { metadata: {}, format: 'txt' } })
    expect(screen.getByText('This TXT file carries no editing history.')).toBeTruthy()
  })
})
