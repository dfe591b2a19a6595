import { describe, expect, it } from 'vitest'
import { runsOf, viterbiSegments } from '../../../../src/engine/detector/segment'

// Expected paths were produced by src/training/eval_passages.py (viterbi), which measured the passage
// accuracy reported in the model card: the app's HMM must decode exactly the same way.
describe('HMM segmentation parity with the training-side evaluation', () => {
  it('matches the Python evaluation on case 0', () => {
    expect(viterbiSegments([0.395, null, 0.094, 0.91, 0.086], 0.45)).toEqual([
      'human',
      'human',
      'human',
      'ai',
      'human'
    ])
  })
  it('matches the Python evaluation on case 1', () => {
    expect(viterbiSegments([0.551, null, 0.947], 0.05)).toEqual(['ai', 'ai', 'ai'])
  })
  it('matches the Python evaluation on case 2', () => {
    expect(viterbiSegments([0.05, 0.557, null, 0.541, 0.56, 0.103, 0.188], 0.05)).toEqual([
      'human',
      'human',
      'human',
      'human',
      'human',
      'human',
      'human'
    ])
  })
  it('matches the Python evaluation on case 3', () => {
    expect(viterbiSegments([0.564, 0.496, 0.777, 0.923, 0.248, 0.78, null], 0.3)).toEqual([
      'ai',
      'ai',
      'ai',
      'ai',
      'ai',
      'ai',
      'ai'
    ])
  })
  it('matches the Python evaluation on case 4', () => {
    expect(viterbiSegments([0.343, 0.609, null, 0.165, 0.933, 0.962, null], 0.3)).toEqual([
      'human',
      'human',
      'human',
      'human',
      'ai',
      'ai',
      'ai'
    ])
  })
  it('matches the Python evaluation on case 5', () => {
    expect(viterbiSegments([0.594, 0.456, 0.945, 0.664, null], 0.3)).toEqual(['ai', 'ai', 'ai', 'ai', 'ai'])
  })

  it('collapses states into runs keyed by passage index', () => {
    expect(runsOf(['human', 'ai', 'ai', 'human'], [0, 2, 3, 5])).toEqual([
      { fromPassage: 0, toPassage: 0, state: 'human' },
      { fromPassage: 2, toPassage: 3, state: 'ai' },
      { fromPassage: 5, toPassage: 5, state: 'human' }
    ])
  })
})
