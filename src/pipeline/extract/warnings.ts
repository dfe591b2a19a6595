/** Warning constructors, so the wording of each warning lives in one place. */
import type { DocWarning } from '../../shared/types'

export const docWarnings = {
  encodingGuessed: (encoding: string): DocWarning => ({
    code: 'encoding-guessed',
    message: `The text file did not say which character encoding it uses; Inkprint read it as ${encoding}. If some letters look wrong, save the file as UTF-8 and check it again.`
  }),
  headersRemoved: (lines: number): DocWarning => ({
    code: 'headers-removed',
    message: `Running headers, footers or page numbers (${lines} line${lines === 1 ? '' : 's'}) were left out of the text.`
  }),
  hyphenationJoined: (count: number): DocWarning => ({
    code: 'hyphenation-joined',
    message: `${count} word${count === 1 ? ' was' : 's were'} split by a hyphen at the end of a line and joined back together.`
  }),
  pagesWithoutText: (pages: number[]): DocWarning => ({
    code: 'pages-without-text',
    message: `Page${pages.length === 1 ? '' : 's'} ${pages.join(', ')} of this PDF ha${pages.length === 1 ? 's' : 've'} no text layer (perhaps scanned) and could not be read.`
  }),
  truncated: (label: string): DocWarning => ({
    code: 'truncated',
    message: `This ${label} seems to be incomplete (cut off at the end); Inkprint read the part that was there.`
  }),
  mostlyNonProse: (): DocWarning => ({
    code: 'mostly-non-prose',
    message:
      'Most of this document is headings, lists, tables, quotes or references rather than running prose, so there is little to judge.'
  })
}
