import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../../../src/engine/watermark'
import { loadProfiles, loadProfilesWithProblems } from '../../../../src/pipeline/profiles'

const DIR = join(__dirname, '../../../../resources/profiles')
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'profile.schema.json')
const read = (f: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>

describe('shipped profiles', () => {
  it.each(files)('%s is valid, named after its id, and labels its key', (file) => {
    const result = validateProfile(read(file))
    if (!result.ok) throw new Error(result.errors.join('; '))
    expect(`${result.profile.id}.json`).toBe(file)
    expect(result.profile.publicDefaultKey).toBe(true)
    expect(result.profile.keyLabel.length).toBeGreaterThan(5)
    expect(result.profile.provenance.source.length).toBeGreaterThan(5)
  })

  it('loads all of them, sorted by id', async () => {
    const profiles = await loadProfiles(DIR)
    expect(profiles.map((p) => p.id)).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort())
  })

  it('the JSON schema requires the same top-level fields the validator checks', () => {
    const schema = JSON.parse(readFileSync(join(DIR, 'profile.schema.json'), 'utf8')) as {
      required: string[]
    }
    expect(schema.required.sort()).toEqual(
      [
        'id',
        'name',
        'scheme',
        'publicDefaultKey',
        'keyLabel',
        'tokenizer',
        'device',
        'params',
        'provenance'
      ].sort()
    )
  })
})

describe('validateProfile on school-imported profiles', () => {
  const good = read('kgw-hf-lefthash-gpt2.json')

  it('accepts a school key (large int64 as a string)', () => {
    const school = {
      ...good,
      id: 'district-2026',
      publicDefaultKey: false,
      keyLabel: 'District 2026',
      params: { ...(good.params as object), hashKey: '9223372036854775807' }
    }
    expect(validateProfile(school).ok).toBe(true)
  })

  it('reports every problem with its path', () => {
    const bad = {
      ...good,
      id: 'Bad Id',
      device: 'cuda',
      tokenizer: { id: '', vocabSize: 0 },
      params: { convention: 'hf', seedingScheme: 'nope', contextWidth: 0, hashKey: '1e9', gamma: 1.5 }
    }
    const r = validateProfile(bad)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const text = r.errors.join('\n')
    for (const fragment of [
      'profile.id',
      'profile.device',
      'profile.tokenizer.id',
      'profile.tokenizer.vocabSize',
      'params.seedingScheme',
      'params.contextWidth',
      'params.hashKey',
      'params.gamma'
    ]) {
      expect(text).toContain(fragment)
    }
  })

  it('rejects non-objects, unknown schemes and out-of-range int64 keys', () => {
    expect(validateProfile(null).ok).toBe(false)
    expect(validateProfile([]).ok).toBe(false)
    expect(validateProfile({ ...good, scheme: 'magic' }).ok).toBe(false)
    expect(
      validateProfile({ ...good, params: { ...(good.params as object), hashKey: '9223372036854775808' } }).ok
    ).toBe(false)
    const synthid = read('synthid-deepmind-gpt2.json')
    expect(validateProfile({ ...synthid, params: { ...(synthid.params as object), keys: [] } }).ok).toBe(
      false
    )
    expect(
      validateProfile({ ...synthid, params: { ...(synthid.params as object), score: 'median' } }).ok
    ).toBe(false)
  })

  it('the loader skips invalid files and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'inkprint-profiles-'))
    await writeFile(join(dir, 'ok.json'), JSON.stringify(good))
    await writeFile(join(dir, 'dup.json'), JSON.stringify(good))
    await writeFile(join(dir, 'broken.json'), '{ not json')
    await writeFile(join(dir, 'invalid.json'), JSON.stringify({ ...good, id: 'x', scheme: 'nope' }))
    const { profiles, problems } = await loadProfilesWithProblems(dir)
    expect(profiles.map((p) => p.id)).toEqual(['kgw-hf-lefthash-gpt2'])
    expect(problems.map((p) => p.file).sort()).toEqual(['broken.json', 'invalid.json', 'ok.json'].sort())
  })
})
