/**
 * The channel table of the IPC contract is derived from the verbs: a verb without a channel, or a channel
 * without a verb, does not compile. `npm run typecheck` checks this file; the runtime half checks the values.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  API_CHANNELS,
  API_VERBS,
  PAGE_VERBS,
  PRELOAD_ONLY_VERBS,
  type ChannelTable,
  type InkprintApi,
  type InvokeChannel,
  type PageVerb
} from '../../../src/shared/api'

describe('API_CHANNELS', () => {
  it('is keyed by exactly the verbs of InvokeApi, each with its own channel (types)', () => {
    expectTypeOf<keyof typeof API_CHANNELS>().toEqualTypeOf<InvokeChannel>()
    expectTypeOf<(typeof API_CHANNELS)[InvokeChannel]>().toEqualTypeOf<`inkprint:${InvokeChannel}`>()
    // the page gets every verb but the preload-only ones, plus its two own functions
    expectTypeOf<keyof InkprintApi>().toEqualTypeOf<PageVerb | 'onBatchEvent' | 'grantDroppedFiles'>()
    expectTypeOf<'grantDroppedPaths'>().not.toExtend<keyof InkprintApi>()
  })

  it('does not compile with a verb missing, a channel extra, or a channel misspelt', () => {
    const { openReport: _dropped, ...withoutOne } = API_CHANNELS
    // @ts-expect-error a verb without a channel
    const missing: ChannelTable = withoutOne
    const extra = {
      ...API_CHANNELS,
      // @ts-expect-error a channel without a verb
      exportEverything: 'inkprint:exportEverything'
    } as const satisfies ChannelTable
    const misspelt = {
      ...API_CHANNELS,
      // @ts-expect-error a channel that is not the verb's
      openReport: 'inkprint:startBatch'
    } as const satisfies ChannelTable
    expect([missing, extra, misspelt].every((table) => typeof table === 'object')).toBe(true)
  })

  it('names each verb’s channel after it, once, and lists the verbs the page and preload use', () => {
    const entries = Object.entries(API_CHANNELS)
    for (const [verb, channel] of entries) expect(channel).toBe(`inkprint:${verb}`)
    expect(new Set(Object.values(API_CHANNELS)).size).toBe(entries.length)
    expect(API_VERBS).toEqual(Object.keys(API_CHANNELS))
    expect([...PAGE_VERBS, ...PRELOAD_ONLY_VERBS].sort()).toEqual([...API_VERBS].sort())
  })
})
