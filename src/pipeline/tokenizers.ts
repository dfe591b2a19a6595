/**
 * Offline tokenizers for the watermark profiles, from installed npm packages (no network, no model files):
 *
 * - "gpt2": GPT-2 byte-level BPE (r50k_base) from gpt-tokenizer@4.0.0 (MIT). V = 50257.
 * - "llama": LLaMA-1/2 SentencePiece BPE from llama-tokenizer-js@1.2.2 (MIT), without BOS. V = 32000.
 *
 * Gemma (256k vocabulary; its npm package is 36 MB) and OPT (GPT-2 merges in RoBERTa id order) are not
 * installed: profiles that need them get status 'error' with a clear reason instead of a guessed tokenization.
 */
import type { Tokenizer, TokenizerRegistry, TokenEncoding, WatermarkProfile } from '../engine/watermark'
import { offsetsFromByteLengths } from '../engine/watermark'

export const KNOWN_TOKENIZERS = ['gpt2', 'llama'] as const

const NOT_INSTALLED: Record<string, string> = {
  gemma: 'the Gemma tokenizer (256k vocabulary, ~36 MB package) is not bundled with this version',
  opt: 'the OPT tokenizer (GPT-2 merges with RoBERTa/fairseq token ids) is not bundled with this version'
}

/**
 * UTF-8 length of a string (lone surrogates count 3 bytes, as TextEncoder writes U+FFFD), computed without
 * encoding: one TextEncoder call per vocabulary entry made loading the two tokenizers cost about a second.
 */
export function utf8ByteLength(s: string): number {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Spans where offsets could not be derived: zero-width at 0, so nothing is highlighted wrongly. */
function fallbackOffsets(count: number): [number, number][] {
  return Array.from({ length: count }, (): [number, number] => [0, 0])
}

async function loadGpt2(): Promise<Tokenizer> {
  const encoding = await import('gpt-tokenizer/encoding/r50k_base')
  const ranks = (await import('gpt-tokenizer/bpeRanks/r50k_base')).default
  // byte length of every token id, precomputed once (strings are UTF-8 text, arrays are raw bytes)
  const byteLengths = new Int32Array(encoding.vocabularySize)
  ranks.forEach((entry, id) => {
    byteLengths[id] = typeof entry === 'string' ? utf8ByteLength(entry) : entry.length
  })
  const noSpecial = { disallowedSpecial: new Set<string>() }
  return {
    id: 'gpt2',
    vocabSize: encoding.vocabularySize,
    encode(text: string): TokenEncoding {
      // special-token text such as "<|endoftext|>" is encoded as ordinary text, like add_special_tokens=False
      const ids = encoding.encode(text, noSpecial)
      const lengths = ids.map((id) => byteLengths[id])
      return { ids, offsets: offsetsFromByteLengths(text, lengths) ?? fallbackOffsets(ids.length) }
    }
  }
}

interface LlamaTokenizerLike {
  vocabById: string[]
  encode(prompt: string, addBos?: boolean, addPrecedingSpace?: boolean): number[] | undefined
}

async function loadLlama(): Promise<Tokenizer> {
  const llama = (await import('llama-tokenizer-js')).default as LlamaTokenizerLike
  const byteFallback = /^<0x[0-9A-Fa-f]{2}>$/
  const byteLengths = new Int32Array(llama.vocabById.length)
  llama.vocabById.forEach((piece, id) => {
    byteLengths[id] = byteFallback.test(piece) ? 1 : utf8ByteLength(piece)
  })
  return {
    id: 'llama',
    vocabSize: 32000,
    encode(text: string): TokenEncoding {
      if (text.length === 0) return { ids: [], offsets: [] }
      // encode(text, add_bos=false): the tokenizer adds one leading space and writes spaces as "▁"
      const ids = llama.encode(text, false, true) ?? []
      const altered = ('▁' + text).replaceAll(' ', '▁')
      const lengths = ids.map((id) => byteLengths[id] ?? 0)
      const offsets = offsetsFromByteLengths(altered, lengths, -1, text.length)
      return { ids, offsets: offsets ?? fallbackOffsets(ids.length) }
    }
  }
}

const LOADERS: Record<(typeof KNOWN_TOKENIZERS)[number], () => Promise<Tokenizer>> = {
  gpt2: loadGpt2,
  llama: loadLlama
}

export interface LoadedTokenizers extends TokenizerRegistry {
  /** Milliseconds spent loading each tokenizer (reported separately from checking time). */
  loadMs: Record<string, number>
  /** Tokenizers that failed to load, with the reason. */
  failures: Record<string, string>
}

/**
 * Loads the tokenizers the given profiles need (all known ones when `profiles` is omitted). Never throws:
 * a tokenizer that cannot load is reported through `unavailableReason`.
 */
export async function loadTokenizers(profiles?: readonly WatermarkProfile[]): Promise<LoadedTokenizers> {
  const wanted = profiles ? new Set(profiles.map((p) => p.tokenizer.id)) : new Set<string>(KNOWN_TOKENIZERS)
  const loaded = new Map<string, Tokenizer>()
  const loadMs: Record<string, number> = {}
  const failures: Record<string, string> = {}
  for (const id of KNOWN_TOKENIZERS) {
    if (!wanted.has(id)) continue
    const t0 = performance.now()
    try {
      loaded.set(id, await LOADERS[id]())
    } catch (error) {
      failures[id] = `failed to load: ${error instanceof Error ? error.message : String(error)}`
    }
    loadMs[id] = Math.round((performance.now() - t0) * 10) / 10
  }
  return {
    loadMs,
    failures,
    get: (id) => loaded.get(id),
    unavailableReason: (id) =>
      failures[id] ?? NOT_INSTALLED[id] ?? `no tokenizer with id "${id}" is installed`
  }
}
