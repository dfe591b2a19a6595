/**
 * A small JSON Schema checker for exactly the keywords resources/schema/document-result.schema.json uses
 * (draft 2020-12 subset). Unknown keywords are reported rather than ignored, so the schema cannot quietly
 * grow past what this checker verifies. No dependency: the project ships no validator library.
 */
export type JsonSchema = { [keyword: string]: unknown } | boolean

export interface SchemaCheckOptions {
  /** Also report object keys the schema does not declare (catches fields added to the type but not the schema). */
  reportUndeclared?: boolean
}

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs'])
const KEYWORDS = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'pattern',
  'anyOf'
])

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v)
  return actual === t || (t === 'number' && actual === 'integer')
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $ref is supported: ${ref}`)
  let node: unknown = root
  for (const part of ref.slice(2).split('/')) {
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  }
  if (!isObject(node) && typeof node !== 'boolean') throw new Error(`Unresolved $ref ${ref}`)
  return node as JsonSchema
}

/** Returns every violation as "path: problem"; an empty list means the value conforms. */
export function checkJsonSchema(
  value: unknown,
  schema: JsonSchema,
  options: SchemaCheckOptions = {}
): string[] {
  const visit = (v: unknown, s: JsonSchema, path: string, errors: string[]): void => {
    if (s === true) return
    if (s === false) return void errors.push(`${path}: not allowed`)
    for (const k of Object.keys(s)) {
      if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) errors.push(`${path}: unsupported keyword ${k}`)
    }
    if (typeof s.$ref === 'string') visit(v, resolveRef(schema, s.$ref), path, errors)
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
      if (!types.some((t) => typeMatches(v, t)))
        errors.push(`${path}: expected ${types.join('|')}, got ${typeOf(v)}`)
    }
    if ('const' in s && JSON.stringify(v) !== JSON.stringify(s.const))
      errors.push(`${path}: expected ${JSON.stringify(s.const)}`)
    if (Array.isArray(s.enum) && !s.enum.some((e) => e === v))
      errors.push(`${path}: ${JSON.stringify(v)} not in enum`)
    if (Array.isArray(s.anyOf)) {
      const branchErrors = s.anyOf.map((sub) => {
        const found: string[] = []
        visit(v, sub as JsonSchema, path, found)
        return found
      })
      if (!branchErrors.some((found) => found.length === 0)) errors.push(`${path}: matches none of anyOf`)
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${path}: ${v} < minimum ${s.minimum}`)
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${path}: ${v} > maximum ${s.maximum}`)
    }
    if (typeof v === 'string' && typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) {
      errors.push(`${path}: does not match ${s.pattern}`)
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems)
        errors.push(`${path}: fewer than ${s.minItems} items`)
      if (typeof s.maxItems === 'number' && v.length > s.maxItems)
        errors.push(`${path}: more than ${s.maxItems} items`)
      const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as JsonSchema[]) : []
      v.forEach((item, i) => {
        const sub = i < prefix.length ? prefix[i] : (s.items as JsonSchema | undefined)
        if (sub !== undefined) visit(item, sub, `${path}[${i}]`, errors)
      })
    }
    if (isObject(v)) {
      const props = isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {}
      for (const key of Array.isArray(s.required) ? (s.required as string[]) : []) {
        if (!(key in v)) errors.push(`${path}: missing required ${key}`)
      }
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined) continue
        if (key in props) visit(item, props[key], `${path}.${key}`, errors)
        else if (s.additionalProperties !== undefined)
          visit(item, s.additionalProperties as JsonSchema, `${path}.${key}`, errors)
        else if (options.reportUndeclared && s.properties !== undefined)
          errors.push(`${path}: undeclared property ${key}`)
      }
    }
  }
  const errors: string[] = []
  visit(value, schema, '$', errors)
  return errors
}
