/**
 * Text the file holds but a reader cannot see (issue 17.11): Word's hidden formatting, white or 1-point text,
 * OpenDocument hidden paragraphs and sections, comments in Markdown, invisible PDF text. Extraction leaves it
 * out of the document text, so it is never scored; here each stretch becomes a fingerprint at the point where
 * it sits, quoting its beginning so a teacher can see what was hidden.
 */
import type { Fingerprint, HiddenHow, HiddenText } from '../../shared/types'
import { snippet } from './format'

const HOW_WORDS: Record<HiddenHow, string> = {
  'hidden-formatting': 'formatted as hidden',
  'white-text': 'white text on a white page',
  'tiny-text': 'text of 1 point or smaller',
  comment: 'a comment that is not displayed',
  'invisible-pdf-text': 'PDF text drawn invisibly'
}

const INNOCENT: Record<HiddenHow, string[]> = {
  'hidden-formatting': [
    'Hidden formatting is also used for notes to self, instructions left in a template, or an earlier draft kept out of sight'
  ],
  'white-text': [
    'White text can be left over from copying a web page or slide with a dark background, or from a template'
  ],
  'tiny-text': ['Tiny text can be a formatting accident, such as a spacer line or a pasted symbol'],
  comment: ['Comments in Markdown are often notes, reminders or outlines the writer kept for themselves'],
  'invisible-pdf-text': [
    'Scanned documents carry an invisible OCR text layer under the page image; that text matches what the page shows'
  ]
}

const QUOTE_CHARS = 160

export function findHiddenText(hidden: readonly HiddenText[] | undefined): Fingerprint[] {
  return (hidden ?? []).map((h) => ({
    kind: 'hidden-text',
    rule: `hidden-${h.how}`,
    start: h.offset,
    end: h.offset,
    count: 1,
    description: `Hidden text: ${h.words} word${h.words === 1 ? '' : 's'} a reader cannot see (${HOW_WORDS[h.how]}${h.page !== null ? `, page ${h.page}` : ''}), left out of the score: “${snippet(h.text, QUOTE_CHARS)}”`,
    innocentExplanations: INNOCENT[h.how]
  }))
}
