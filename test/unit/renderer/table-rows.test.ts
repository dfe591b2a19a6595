import { describe, expect, it } from 'vitest'
import { filterRows, sortRows, toRow } from '../../../src/renderer/src/lib/format/table-rows'
import { corruptFile, scoredEssay, unscoredEssay, unsupportedFile } from '../../component/sample-results'

const rows = [unscoredEssay, corruptFile, scoredEssay, unsupportedFile].map(toRow)

describe('class table rows', () => {
  it('flattens a result into the columns the table shows', () => {
    expect(toRow(scoredEssay)).toMatchObject({
      student: 'Priya Patel',
      aiProbability: 0.86,
      aiShare: 0.41,
      watermark: 'none',
      fingerprints: 2,
      failed: false
    })
    expect(toRow(unscoredEssay)).toMatchObject({
      student: 'smithjohn',
      watermark: 'not-tested',
      aiProbability: null
    })
    expect(toRow(corruptFile)).toMatchObject({ failed: true, errorMessage: corruptFile.error!.message })
  })

  it('sorts by AI probability with unscored files last in both directions', () => {
    const desc = sortRows(rows, 'aiProbability', 'desc').map((r) => r.fileName)
    const asc = sortRows(rows, 'aiProbability', 'asc').map((r) => r.fileName)
    expect(desc[0]).toBe(scoredEssay.fileName)
    expect(asc[0]).toBe(scoredEssay.fileName)
    expect(sortRows(rows, 'verdict', 'desc')[0].fileName).toBe(scoredEssay.fileName)
  })

  it('filters by name and by flagged / errors', () => {
    expect(filterRows(rows, 'priya', 'all').map((r) => r.fileName)).toEqual([scoredEssay.fileName])
    expect(filterRows(rows, '', 'errors')).toHaveLength(2)
    expect(filterRows(rows, '', 'flagged').map((r) => r.fileName)).toEqual([scoredEssay.fileName])
  })

  it('says which archive and folder a document inside a ZIP came from, and names its student', () => {
    const path = '/dl/EN101.zip/Ava Chen_1021_assignsubmission_file_/essay.docx'
    expect(toRow({ ...scoredEssay, path, fileName: 'essay.docx' })).toMatchObject({
      origin: 'EN101.zip › Ava Chen_1021_assignsubmission_file_',
      student: 'Ava Chen'
    })
    expect(toRow(scoredEssay).origin).toBeNull()
  })
})
