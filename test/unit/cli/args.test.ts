import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../../../src/cli/args'

describe('inkprint CLI arguments', () => {
  it('parses a check with defaults', () => {
    const a = parseCliArgs(['check', 'a.docx', 'essays/'])
    expect(a).toMatchObject({
      command: 'check',
      paths: ['a.docx', 'essays/'],
      format: 'jsonl',
      out: null,
      includeText: false,
      operatingPoint: 'balanced',
      workers: 2,
      resume: false,
      timeoutMs: 60_000
    })
  })

  it('parses every option', () => {
    const a = parseCliArgs([
      'check',
      'x.pdf',
      '--format',
      'csv',
      '--out',
      'o.csv',
      '--include-text',
      '--operating-point',
      'strict',
      '--workers',
      '0',
      '--results',
      'r.jsonl',
      '--resume',
      '--timeout',
      '5',
      '--profile',
      'p.json'
    ])
    expect(a).toMatchObject({
      format: 'csv',
      out: 'o.csv',
      includeText: true,
      operatingPoint: 'strict',
      workers: 0,
      results: 'r.jsonl',
      resume: true,
      timeoutMs: 5000,
      profiles: ['p.json']
    })
  })

  it.each([
    [['check'], /at least one file/],
    [['grade', 'x'], /Unknown command/],
    [['check', 'x', '--format', 'xml'], /--format/],
    [['check', 'x', '--operating-point', 'loose'], /operating-point/],
    [['check', 'x', '--workers', '-1'], /workers/],
    [['check', 'x', '--resume'], /--results/],
    [['check', 'x', '--bogus'], /bogus/]
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
    expect(() => parseCliArgs(argv)).toThrow(message)
  })

  it('shows help without arguments', () => {
    expect(parseCliArgs([])).toEqual({ command: 'help' })
  })
})
