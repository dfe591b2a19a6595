/** Archive failures as coded errors with a teacher's wording (the codes are the extractors' own). */
import type { ErrorCode } from '../../shared/types'
import { ExtractFailure, failure } from '../extract/errors'

export function archiveFailure(code: ErrorCode, detail?: string): ExtractFailure {
  const messages: Partial<Record<ErrorCode, string>> = {
    corrupt:
      'This ZIP archive is damaged or incomplete and cannot be read. Download it again from the platform.',
    encrypted:
      'This file inside the ZIP archive is password-protected. Extract it with its password and check it instead.',
    'zip-bomb': `This ZIP archive would expand to an unreasonable size${detail ? ` (${detail})` : ''}, so Inkprint did not open it. It may be damaged or deliberately malformed.`,
    'too-large': `This file inside the ZIP archive is larger than ${detail ?? 'the size limit'}, the most Inkprint reads.`,
    'too-complex': `This ZIP archive holds archives nested ${detail ?? 'too'} deep; Inkprint does not open archives nested this deeply. Extract the inner archive and check it.`,
    cancelled: 'Checking was cancelled before this file was read.',
    'not-found':
      'This file could not be found inside its ZIP archive. The archive may have changed since it was opened.'
  }
  return new ExtractFailure(code, messages[code] ?? failure(code, null, detail).message)
}
