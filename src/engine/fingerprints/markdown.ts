/**
 * Leftover Markdown/LaTeX (research §9.2): `**bold**`, `### headings`, `- ` bullet runs, `| --- |` tables,
 * `\( … \)` and `$$`. Chat interfaces answer in Markdown, so these appear when an answer is pasted into a word
 * processor. They are only odd there: in a .md file Markdown is the format itself, and plain-text notes apps
 * (Obsidian, Notion, many school platforms) use it too. Em dashes, "delve" and curly quotes are NOT checked:
 * they are style, and they fall disproportionately on some writers.
 */
import type { DocFormat, Fingerprint } from '../../shared/types'
import { snippet } from './format'

const INNOCENT = [
  'Notes apps (Obsidian, Notion, OneNote exports), coding platforms and some school portals use Markdown.',
  'Some students type **asterisks** or # signs for emphasis out of habit.'
]

interface MdRule {
  rule: string
  pattern: RegExp
  describe: (match: string, lines: number) => string
}

const RULES: MdRule[] = [
  {
    rule: 'markdown-bold',
    pattern: /\*\*(?=\S)[^*\n]{1,200}?\S\*\*/g,
    describe: (m) => `Markdown bold markup ${snippet(m, 50)} is left as plain asterisks.`
  },
  {
    rule: 'markdown-heading',
    pattern: /^#{1,6}[ \t]+\S[^\n]*$/gm,
    describe: (m) => `A Markdown heading "${snippet(m, 50)}" is left as plain # signs.`
  },
  {
    rule: 'markdown-bullets',
    // two or more consecutive "- " / "* " lines form one list
    pattern: /(?:^[ \t]*[-*][ \t]+\S[^\n]*(?:\n|$)){2,}/gm,
    describe: (_, lines) => `A run of ${lines} Markdown bullet lines ("- ") is left as typed characters.`
  },
  {
    rule: 'markdown-table',
    pattern: /^\|[^\n]*\|[ \t]*\n\|[ \t:]*-{3,}[^\n]*$/gm,
    describe: () => 'A Markdown table (rows of | characters with a --- separator) is left as plain text.'
  },
  {
    rule: 'latex-delimiters',
    pattern: /\\\((?:[^\n]{1,200}?)\\\)|\\\[(?:[^]{1,400}?)\\\]|\$\$[^$]{1,400}\$\$/g,
    describe: (m) =>
      `LaTeX maths markup ${snippet(m, 40)} is left as typed characters (chat interfaces write formulas this way).`
  }
]

/** Formats where leftover Markdown is unexpected (word-processor and print formats). */
const WORD_PROCESSOR: readonly DocFormat[] = ['docx', 'odt', 'rtf', 'pdf']

export function findMarkdownLeftovers(text: string, format?: DocFormat): Fingerprint[] {
  if (format === 'md') return [] // Markdown is the format itself
  const context =
    format && WORD_PROCESSOR.includes(format)
      ? 'This is unusual in a word-processor document.'
      : 'In a plain-text file this is common and means little.'
  const out: Fingerprint[] = []
  for (const r of RULES) {
    for (const m of text.matchAll(r.pattern)) {
      const raw = m[0]
      const trimmed = raw.replace(/\n$/, '')
      const start = m.index ?? 0
      const lines = trimmed.split('\n').length
      out.push({
        kind: 'markdown-leftover',
        rule: r.rule,
        start,
        end: start + trimmed.length,
        count: r.rule === 'markdown-bullets' ? lines : 1,
        description: `${r.describe(trimmed, lines)} ${context}`,
        innocentExplanations: INNOCENT
      })
    }
  }
  return out
}
