import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import ResultsTable from '../../src/renderer/src/lib/components/ResultsTable.svelte'
import { corruptFile, scoredEssay, unscoredEssay, unsupportedFile } from './sample-results'

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
    expect(rows[0].textContent).toContain('86%')
    expect(rows[0].textContent).toContain('⚑ 2')
    expect(screen.getByText('This DOCX file is damaged and could not be opened.')).toBeTruthy()
    expect(screen.getByText(/2 could not be/)).toBeTruthy()
  })

  it('sorts by a column and reverses on a second click', async () => {
    render(ResultsTable, { props: { results, onOpen: () => {} } })
    const header = screen.getByRole('button', { name: /Student \/ file/ })
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
    await fireEvent.input(screen.getByPlaceholderText('Filter by name…'), { target: { value: '' } })
    const show = screen.getByLabelText('Show') as HTMLSelectElement
    show.querySelector<HTMLOptionElement>('option[value="errors"]')!.selected = true
    await fireEvent.change(show)
    expect(screen.getAllByTestId('result-row')).toHaveLength(2)
    await fireEvent.click(screen.getByRole('button', { name: /broken\.docx/ }))
    expect(onOpen).toHaveBeenCalledWith('/class/broken.docx')
  })
})
