import { basename } from 'node:path'
import type { DocumentResult, ErrorCode, InkprintError } from '../shared/types'
import { RESULT_SCHEMA_VERSION } from '../shared/types'
import { INKPRINT_VERSION } from './version'

export function errorResult(path: string, error: InkprintError, started = Date.now()): DocumentResult {
  return {
    ...emptyResult(path),
    status: error.code === 'unsupported-type' ? 'unsupported' : 'error',
    error,
    timingsMs: { total: Date.now() - started }
  }
}

export function errorFor(code: ErrorCode, message: string): InkprintError {
  return { code, message }
}

export function emptyResult(path: string): DocumentResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    path,
    fileName: basename(path),
    sizeBytes: null,
    sha256: null,
    format: null,
    status: 'ok',
    error: null,
    words: 0,
    pageCount: null,
    warnings: [],
    metadata: {},
    passages: [],
    checkedAt: new Date().toISOString(),
    inkprintVersion: INKPRINT_VERSION,
    timingsMs: {}
  }
}
