/**
 * Two-state HMM (human / AI) smoothing of passage probabilities with Viterbi decoding, so that one
 * odd passage does not flip the reading of a document, while a real run of AI passages stands out.
 * Mirrors src/training/eval_passages.py (which measured the accuracy reported in the model card).
 */

export type SegmentState = 'human' | 'ai'

/** `probs[i]` is the calibrated AI probability of passage i, or null when it carries no evidence. */
export function viterbiSegments(probs: (number | null)[], switchProbability: number): SegmentState[] {
  if (probs.length === 0) return []
  const stay = Math.log(1 - switchProbability)
  const move = Math.log(switchProbability)
  const emit = (p: number | null, ai: boolean): number => {
    if (p === null) return 0
    const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6)
    return Math.log(ai ? q : 1 - q)
  }
  let score: [number, number] = [
    Math.log(0.5) + emit(probs[0] ?? null, false),
    Math.log(0.5) + emit(probs[0] ?? null, true)
  ]
  const back: [number, number][] = []
  for (let i = 1; i < probs.length; i++) {
    const p = probs[i] ?? null
    const next: [number, number] = [0, 0]
    const ptr: [number, number] = [0, 0]
    for (const s of [0, 1] as const) {
      const keep = score[s] + stay
      const swap = score[1 - s] + move
      next[s] = Math.max(keep, swap) + emit(p, s === 1)
      ptr[s] = keep >= swap ? s : 1 - s // ties keep the current state, as in the Python evaluation
    }
    score = next
    back.push(ptr)
  }
  let state = score[1] > score[0] ? 1 : 0
  const path = [state]
  for (let i = back.length - 1; i >= 0; i--) {
    state = back[i]?.[state] ?? state
    path.push(state)
  }
  return path.reverse().map((s) => (s === 1 ? 'ai' : 'human'))
}

/** Collapses a state sequence into runs, keyed by the caller's passage indices. */
export function runsOf(
  states: (SegmentState | null)[],
  passageIndex: number[]
): { fromPassage: number; toPassage: number; state: SegmentState }[] {
  const runs: { fromPassage: number; toPassage: number; state: SegmentState }[] = []
  let open = false
  states.forEach((state, i) => {
    const idx = passageIndex[i] ?? i
    // null: no claim about this passage; it ends the run before it
    if (state === null) {
      open = false
      return
    }
    const last = runs[runs.length - 1]
    if (open && last && last.state === state) last.toPassage = idx
    else runs.push({ fromPassage: idx, toPassage: idx, state })
    open = true
  })
  return runs
}
