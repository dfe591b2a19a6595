/**
 * Test helpers: a seeded PRNG, a toy bigram "language model", our own ports of each scheme's GENERATION rule
 * (so watermarked sequences can be made without model weights), and a fake tokenizer over "t<id>" words.
 */
import {
  kgwConfigFromProfile,
  kgwGreenList,
  Mt19937,
  synthIdConfigFromProfile,
  synthIdGValues,
  torchRandAt,
  unigramMask,
  type TokenEncoding,
  type Tokenizer,
  type WatermarkProfile
} from '../../../../src/engine/watermark'
import { mulberry32 } from '../../../../src/engine/calibration/sample'

export { mulberry32 }

/** Toy LM: logits(next | state) = 3·N(0,1), fixed per state. */
export function toyLogits(state: number, vocabSize: number): Float64Array {
  const next = mulberry32(state * 7919 + 17)
  const out = new Float64Array(vocabSize)
  for (let v = 0; v < vocabSize; v++) {
    const u1 = Math.max(next(), 1e-12)
    const u2 = next()
    out[v] = 3 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
  }
  return out
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity
  for (const x of logits) max = Math.max(max, x)
  const out = new Float64Array(logits.length)
  let sum = 0
  logits.forEach((x, i) => {
    out[i] = Math.exp(x - max)
    sum += out[i]
  })
  return out.map((x) => x / sum)
}

function sample(probs: Float64Array, u: number): number {
  let acc = 0
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i]
    if (u < acc) return i
  }
  return probs.length - 1
}

export type Generator = (context: number[], logits: Float64Array, u: number) => number

export function generate(length: number, vocabSize: number, seed: number, rule: Generator): number[] {
  const next = mulberry32(seed)
  const ids = [Math.floor(next() * vocabSize)]
  // the model also depends on the position mod 5, so deterministic rules (Gumbel-max) do not fall into a loop
  while (ids.length < length) {
    const state = ids[ids.length - 1] + vocabSize * (ids.length % 5)
    ids.push(rule(ids, toyLogits(state, vocabSize), next()))
  }
  return ids
}

export const plainSampling: Generator = (_, logits, u) => sample(softmax(logits), u)

/** KGW: +δ on the green list (self-salted schemes test the top-40 candidates in their own lists). */
export function kgwRule(profile: Extract<WatermarkProfile, { scheme: 'kgw' }>, delta: number): Generator {
  const cfg = kgwConfigFromProfile(profile.params, profile.tokenizer.vocabSize)
  const selfSalt = cfg.convention === 'hf' ? cfg.scheme === 'selfhash' : cfg.scheme.selfSalt
  const h = cfg.convention === 'hf' ? cfg.contextWidth : cfg.scheme.contextWidth
  return (context, logits, u) => {
    const biased = Float64Array.from(logits)
    if (selfSalt) {
      const top = Array.from(logits.keys())
        .sort((a, b) => logits[b] - logits[a])
        .slice(0, 40)
      for (const v of top) {
        const prefix = [...context, v].slice(-h)
        if (kgwGreenList(cfg, prefix).includes(v)) biased[v] += delta
      }
    } else {
      for (const v of kgwGreenList(cfg, context.slice(-h))) biased[v] += delta
    }
    return sample(softmax(biased), u)
  }
}

export function unigramRule(
  profile: Extract<WatermarkProfile, { scheme: 'unigram' }>,
  delta: number
): Generator {
  const mask = unigramMask({
    key: BigInt(profile.params.key),
    vocabSize: profile.tokenizer.vocabSize,
    fraction: profile.params.fraction
  })
  return (_, logits, u) => sample(softmax(logits.map((x, v) => x + delta * mask[v])), u)
}

/** Aaronson / Gumbel-max: argmax_v r_v^(1/p_v) with r from the context-seeded generator (payload 0). */
export function aaronsonRule(
  profile: Extract<WatermarkProfile, { scheme: 'aaronson' }>,
  seedOf: (ctx: number[]) => number
): Generator {
  const V = profile.tokenizer.vocabSize
  const all = Array.from({ length: V }, (_, i) => i)
  return (context, logits) => {
    const probs = softmax(logits)
    const r = torchRandAt(new Mt19937(seedOf(context.slice(-profile.params.ngram))), all)
    let best = 0
    let bestScore = -Infinity
    for (let v = 0; v < V; v++) {
      const score = Math.log(r[v]) / probs[v]
      if (score > bestScore) {
        bestScore = score
        best = v
      }
    }
    return best
  }
}

/** SynthID tournament, closed form for 2 leaves, on the top-40 tokens after temperature 0.7. */
export function synthIdRule(profile: Extract<WatermarkProfile, { scheme: 'synthid' }>): Generator {
  const cfg = synthIdConfigFromProfile(profile.params)
  return (context, logits, u) => {
    const top = Array.from(logits.keys())
      .sort((a, b) => logits[b] - logits[a])
      .slice(0, 40)
    let probs = Array.from(softmax(Float64Array.from(top, (v) => logits[v] / 0.7)))
    const ctx = context.slice(-(cfg.ngramLen - 1))
    if (ctx.length === cfg.ngramLen - 1) {
      const g = top.map((v) => synthIdGValues([...ctx, v], cfg).rows[0])
      for (let l = 0; l < cfg.keys.length; l++) {
        const m = probs.reduce((acc, p, i) => acc + p * g[i][l], 0)
        probs = probs.map((p, i) => p * (1 + g[i][l] - m))
      }
    }
    return top[sample(Float64Array.from(probs), u)]
  }
}

/** Text "t12 t7 …" with a tokenizer that maps each word back to its id (and knows the offsets). */
export function idsToText(ids: readonly number[]): string {
  return ids.map((id) => `t${id}`).join(' ')
}

export function fakeTokenizer(id: string, vocabSize: number): Tokenizer {
  return {
    id,
    vocabSize,
    encode(text: string): TokenEncoding {
      const ids: number[] = []
      const offsets: [number, number][] = []
      for (const m of text.matchAll(/t(\d+)/g)) {
        ids.push(Number(m[1]))
        offsets.push([m.index ?? 0, (m.index ?? 0) + m[0].length])
      }
      return { ids, offsets }
    }
  }
}
