/**
 * One shape for a watermark profile: resources/profiles/profile.schema.json (what a school reads) and
 * validateProfile (what the app, the CLI's --profile and the profile loader run) must accept and refuse the same
 * documents. Profiles are generated from the schema itself: every shipped profile, then each property deleted,
 * given values of every JSON type, and pushed to and past every bound the schema states (enum, const, minimum,
 * maximum, exclusive bounds, lengths, patterns, item counts). An independent JSON Schema implementation (Ajv,
 * draft 2020-12) says which are valid; the validator must agree on each. Changing either side alone fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../../../src/engine/watermark'

type Schema = Record<string, unknown>
type Json = unknown
type Path = (string | number)[]

const DIR = join(__dirname, '../../../../resources/profiles')
const SCHEMA = JSON.parse(readFileSync(join(DIR, 'profile.schema.json'), 'utf8')) as Schema
const SHIPPED = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'profile.schema.json')
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, Json>)

const ajv = new Ajv2020({ strict: false, allErrors: true })
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const matches = (schema: unknown, value: Json): boolean => ajv.validate(schema as Schema, value) as boolean

/** Values of every JSON type, for "wrong type" probes. */
const EVERY_TYPE: Json[] = ['text', '', 42, -1, 4.5, true, null, [], {}, ['x']]

/** Probe values a subschema's own keywords call for: each bound, just inside and just past it. */
function keywordProbes(schema: Schema): Json[] {
  const out: Json[] = []
  if (Array.isArray(schema.enum)) out.push(...schema.enum, 'not-in-the-list')
  if ('const' in schema) out.push(schema.const, 'something-else')
  for (const [key, delta] of [
    ['minimum', -1],
    ['maximum', 1],
    ['exclusiveMinimum', -1],
    ['exclusiveMaximum', 1]
  ] as const) {
    const bound = schema[key]
    if (typeof bound === 'number') out.push(bound, bound + delta, bound - delta, bound + delta / 1000)
  }
  if (typeof schema.minLength === 'number') out.push('', ' ', '  x  ', 'a'.repeat(schema.minLength))
  if (typeof schema.maxLength === 'number')
    out.push('a'.repeat(schema.maxLength), 'a'.repeat(schema.maxLength + 1))
  if (typeof schema.pattern === 'string')
    out.push('', ' ', 'Bad Value!', '12a', '-', '-7', '-0', '7', '1.5', 'lefthash')
  if (typeof schema.minItems === 'number') out.push([])
  for (const branch of [...((schema.oneOf as Schema[]) ?? []), ...((schema.anyOf as Schema[]) ?? [])])
    out.push(...keywordProbes(branch))
  if (schema.type === 'boolean') out.push(true, false)
  return out
}

/**
 * The subschemas that apply to `value` under `schema`: itself, the `then` of every `if` the value meets (at
 * any depth of allOf), and the oneOf branch the value matches.
 */
function applicable(schema: Schema, value: Json): Schema[] {
  const out: Schema[] = [schema]
  if (isObject(schema.if) && isObject(schema.then) && matches(schema.if, value))
    out.push(...applicable(schema.then, value))
  for (const sub of (schema.allOf as Schema[]) ?? []) out.push(...applicable(sub, value))
  const branch = ((schema.oneOf as Schema[]) ?? []).find((b) => matches(b, value))
  if (branch) out.push(...applicable(branch, value))
  return out
}

interface Site {
  path: Path
  schemas: Schema[]
  required: boolean
}

/** Every property (and array item) the schema describes for this instance, with the subschemas that apply. */
function sites(schema: Schema, value: Json, path: Path = []): Site[] {
  const found: Site[] = []
  const here = applicable(schema, value)
  if (isObject(value)) {
    const required = new Set(here.flatMap((s) => (s.required as string[]) ?? []))
    const props = new Map<string, Schema[]>()
    for (const s of here)
      for (const [k, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {}))
        props.set(k, [...(props.get(k) ?? []), sub])
    for (const [key, subs] of props) {
      found.push({ path: [...path, key], schemas: subs, required: required.has(key) })
      if (key in value) for (const sub of subs) found.push(...sites(sub, value[key], [...path, key]))
    }
  }
  if (Array.isArray(value)) {
    const items = here.map((s) => s.items).filter(isObject)
    value.forEach((item, i) => {
      found.push({ path: [...path, i], schemas: items, required: true })
      for (const sub of items) found.push(...sites(sub, item, [...path, i]))
    })
  }
  return found
}

function setAt(doc: Json, path: Path, value: Json | typeof DELETE): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>
  let node = copy as Record<string | number, Json>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>
  const last = path[path.length - 1] as string | number
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(last as number, 1)
    else delete node[last]
  } else node[last] = value
  return copy
}
const DELETE = Symbol('delete')

interface Case {
  label: string
  doc: Json
}

/** The shipped profiles and every probe of every site of each. */
function generateCases(schema: Schema): Case[] {
  const cases: Case[] = SHIPPED.map((p) => ({ label: `shipped ${String(p.id)}`, doc: p }))
  for (const base of SHIPPED) {
    for (const site of sites(schema, base)) {
      const where = `${String(base.id)}: ${site.path.join('.')}`
      cases.push({ label: `${where} deleted`, doc: setAt(base, site.path, DELETE) })
      const probes = [...EVERY_TYPE, ...site.schemas.flatMap(keywordProbes)]
      for (const v of probes)
        cases.push({ label: `${where} = ${JSON.stringify(v)}`, doc: setAt(base, site.path, v) })
    }
  }
  return cases
}

interface Disagreement {
  label: string
  schema: boolean
  validator: boolean
  why: string
}

function disagreements(
  schema: Schema,
  validate: (doc: Json) => { ok: boolean; errors?: string[] }
): { cases: number; valid: number; invalid: number; wrong: Disagreement[] } {
  // a fresh instance: Ajv keeps compiled schemas by $id, and a changed copy keeps the same $id
  const check = new Ajv2020({ strict: false, allErrors: true }).compile(schema)
  const wrong: Disagreement[] = []
  let valid = 0
  const cases = generateCases(schema)
  for (const c of cases) {
    const bySchema = check(c.doc) as boolean
    const byValidator = validate(c.doc)
    if (bySchema) valid++
    if (bySchema !== byValidator.ok)
      wrong.push({
        label: c.label,
        schema: bySchema,
        validator: byValidator.ok,
        why: bySchema ? (byValidator.errors ?? []).join('; ') : ajv.errorsText(check.errors)
      })
  }
  return { cases: cases.length, valid, invalid: cases.length - valid, wrong }
}

const validator = (doc: Json): { ok: boolean; errors?: string[] } => {
  const r = validateProfile(doc)
  return r.ok ? { ok: true } : { ok: false, errors: r.errors }
}

describe('the profile schema and validateProfile agree', () => {
  it('on every profile generated from the schema', () => {
    const { cases, valid, invalid, wrong } = disagreements(SCHEMA, validator)
    expect(
      [
        ...new Set(
          wrong.map(
            (w) =>
              `${w.label.replace(/^[^:]*: /, '')} (schema ${w.schema}, validator ${w.validator}: ${w.why})`
          )
        )
      ].slice(0, 40)
    ).toEqual([])
    // the comparison is not vacuous: thousands of documents, many valid and many invalid
    expect(cases).toBeGreaterThan(2000)
    expect(valid).toBeGreaterThan(300)
    expect(invalid).toBeGreaterThan(1000)
  })

  it('fails when the schema changes alone (a bound moved)', () => {
    const moved = structuredClone(SCHEMA)
    const aaronson = (moved.allOf as Schema[]).find((s) =>
      JSON.stringify(s.if).includes('"aaronson"')
    ) as Schema
    const params = ((aaronson.then as Schema).properties as Record<string, Schema>).params as Schema
    ;(params.properties as Record<string, Schema>).ngram.maximum = 65
    const { wrong } = disagreements(moved, validator)
    expect(wrong.map((w) => w.label)).toContain('aaronson-threebricks-llama: params.ngram = 65')
  })

  it('fails when the validator changes alone (a check dropped)', () => {
    const lax = (doc: Json): { ok: boolean } => {
      const withoutDevice = isObject(doc) && doc.device !== 'cpu' ? { ...doc, device: 'cpu' } : doc
      return validator(withoutDevice)
    }
    const { wrong } = disagreements(SCHEMA, lax)
    expect(wrong.some((w) => w.label.endsWith(': device = "something-else"'))).toBe(true)
  })
})
