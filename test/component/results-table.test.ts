import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import ResultsTable from '../../src/renderer/src/lib/components/ResultsTable.svelte'
import { corruptFile, scoredEssay, shortNote, unscoredEssay, unsupportedFile } from './sample-results'

const results = [unscoredEssay, corruptFile, scoredEssay, unsupportedFile]

function firstColumn(): string[] {
  return screen.getAllByTestId('result-row').map((row) => row.querySelector('th')?.textContent?.trim() ?? '')
}

describe('ResultsTable', () => {
  it('lists every file, most concerning first, with per-file errors', () => {
    render(ResultsTable, { props: { results, onOpen: () => {} } })
    const rows = screen.getAllByTestId('result-row')
    expect(rows).toHaveLength(4)
    expect(firstColumn()[0]).toContain('Priya Patel')
    // The one headline number, as "1 in N human texts", not a bare percentage.
    expect(rows[0].textContent).toContain('1 in 2,000')
    expect(rows[0].textContent).toContain('⚑ 2')
    expect(screen.getByText('This DOCX file is damaged and could not be opened.')).toBeTruthy()
    const summary = screen.getByTestId('class-summary')
    expect(summary.textContent).toMatch(/1\s*to look at first/)
    expect(summary.textContent).toMatch(/2\s*could not be checked/)
  })

  it('sorts by a column and reverses on a second click', async () => {
    render(ResultsTable, { props: { results, onOpen: () => {} } })
    const header = screen.getByRole('button', { name: /^Student/ })
    await fireEvent.click(header)
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    const ascending = firstColumn()
    expect(ascending[0]).toContain('broken.docx')
    await fireEvent.click(header)
    expect(firstColumn()).toEqual([...ascending].reverse())
  })

  it('filters by name and by errors, and opens a document', async () => {
    const onOpen = vi.fn()
    render(ResultsTable, { props: { results, onOpen } })
    await fireEvent.input(screen.getByPlaceholderText('Filter by name…'), { target: { value: 'smith' } })
    expect(firstColumn()).toEqual([expect.stringContaining('smithjohn')])
    // The count follows the filter.
    expect(screen.getByTestId('row-count').textContent?.trim()).toBe('Showing 1 of 4 files')
    await fireEvent.input(screen.getByPlaceholderText('Filter by name…'), { target: { value: '' } })
    const show = screen.getByLabelText('Show') as HTMLSelectElement
    show.querySelector<HTMLOptionElement>('option[value="errors"]')!.selected = true
    await fireEvent.change(show)
    expect(screen.getAllByTestId('result-row')).toHaveLength(2)
    await fireEvent.click(screen.getByRole('button', { name: /broken\.docx/ }))
    expect(onOpen).toHaveBeenCalledWith('/class/broken.docx')
  })

  it('keeps two folders apart as two classes, and removes one row', async () => {
    const otherClass = { ...scoredEssay, path: '/class-b/Priya Patel - Water Cycle.docx' }
    const onRemove = vi.fn()
    render(ResultsTable, {
      props: { results: [...results, otherClass, shortNote], onOpen: () => {}, onRemove }
    })
    const classPick = screen.getByLabelText('Class') as HTMLSelectElement
    expect([...classPick.options].map((o) => o.textContent)).toEqual([
      'All classes (6)',
      'class (5)',
      'class-b (1)'
    ])
    classPick.querySelector<HTMLOptionElement>('option[value="/class-b"]')!.selected = true
    await fireEvent.change(classPick)
    expect(screen.getAllByTestId('result-row')).toHaveLength(1)
    expect(screen.getByRole('heading', { name: 'Class: class-b' })).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Priya Patel from the list' }))
    expect(onRemove).toHaveBeenCalledWith('/class-b/Priya Patel - Water Cycle.docx', 'Removed Priya Patel')
  })

  it('says "limited evidence" for a short text wherever its score appears', () => {
    render(ResultsTable, { props: { results: [shortNote], onOpen: () => {} } })
    const row = screen.getByTestId('result-row')
    expect(row.textContent).toContain('Limited evidence: too short for a verdict')
    expect(row.textContent).toContain('1 in 100 · limited evidence')
  })

  it('says the whole text reads like AI when no single passage does, beside the 0% share', () => {
    const whole = {
      ...scoredEssay,
      detector: { ...scoredEssay.detector!, verdict: 'likely-ai' as const, aiShare: 0 }
    }
    render(ResultsTable, { props: { results: [whole], onOpen: () => {} } })
    const cell = screen.getByTitle(/the text as a whole does/)
    expect(cell.textContent).toBe('0% · whole text')
  })
})
