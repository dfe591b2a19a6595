import { createRawSnippet } from 'svelte'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import DropZone from '../../src/renderer/src/lib/components/DropZone.svelte'

const children = createRawSnippet(() => ({ render: () => '<p>window content</p>' }))

function transfer(files: File[]) {
  return { dataTransfer: { types: ['Files'], files, dropEffect: 'none' } }
}

describe('DropZone', () => {
  it('highlights while files are dragged over the window and hands dropped files on', async () => {
    const onDropFiles = vi.fn()
    render(DropZone, { props: { onDropFiles, children } })
    const zone = screen.getByTestId('drop-zone')
    const essay = new File(['text'], 'essay.docx')
    await fireEvent.dragEnter(zone, transfer([essay]))
    expect(screen.getByText('Drop to check these files')).toBeTruthy()
    await fireEvent.drop(zone, transfer([essay]))
    expect(screen.queryByText('Drop to check these files')).toBeNull()
    expect(onDropFiles).toHaveBeenCalledWith([essay])
  })

  it('ignores drags that carry no files, and drops while a check is running', async () => {
    const onDropFiles = vi.fn()
    render(DropZone, { props: { onDropFiles, children, disabled: true } })
    const zone = screen.getByTestId('drop-zone')
    await fireEvent.dragEnter(zone, { dataTransfer: { types: ['text/plain'], files: [] } })
    expect(screen.queryByText('Drop to check these files')).toBeNull()
    await fireEvent.dragEnter(zone, transfer([new File(['x'], 'a.txt')]))
    expect(screen.queryByText('Drop to check these files')).toBeNull()
    await fireEvent.drop(zone, transfer([new File(['x'], 'a.txt')]))
    expect(onDropFiles).not.toHaveBeenCalled()
  })
})
