/**
 * Document metadata observations (research §9.3). Always phrased as "a reason to ask, not a finding":
 * metadata is trivially editable, TotalTime counts time the file was open (not typing), and copying into a new
 * document or exporting from Google Docs resets it. Pasting AI text into Word yields perfectly ordinary metadata.
 */
import type { DocumentMetadata, Fingerprint } from '../../shared/types'

const NOT_A_FINDING = 'This is a reason to ask about the writing process, not a finding.'

/** Above this many words, a one-session, one-save history is worth a question. */
const LONG_DOCUMENT_WORDS = 300
/** Recorded editing faster than this (words per minute of editing time) is faster than anyone types. */
const FAST_WORDS_PER_MINUTE = 40

const METADATA_INNOCENT = [
  'Writing in another program (Google Docs, a notes app, a phone) and pasting into a new file at the end gives the same picture.',
  'Save As, templates, export from another tool and copying a file can reset these fields.',
  'Metadata can be edited by anyone and differs between programs.'
]

interface ToolPattern {
  pattern: RegExp
  what: string
}

const TOOLS: ToolPattern[] = [
  {
    pattern:
      /chatgpt|openai|\bgpt[- ]?\d|claude|anthropic|gemini|\bbard\b|copilot|jasper|writesonic|quillbot|notion ai|perplexity/i,
    what: 'an AI writing tool'
  },
  {
    pattern: /pandoc|python-docx|docx4j|docx\.js|aspose|openxml sdk|phpword|mammoth|markdown/i,
    what: 'a document converter or programming library'
  },
  {
    pattern: /wkhtmltopdf|reportlab|pdfkit|puppeteer|headless|weasyprint|prince|skia\/pdf|chromium|chrome/i,
    what: 'a web-page-to-PDF converter or browser print'
  },
  {
    pattern: /cloudconvert|ilovepdf|smallpdf|zamzar|online2pdf|convertio|pdf24/i,
    what: 'an online file converter'
  }
]

function observation(rule: string, description: string, innocent: string[] = METADATA_INNOCENT): Fingerprint {
  return {
    kind: 'metadata',
    rule,
    start: null,
    end: null,
    count: 1,
    description: `${description} ${NOT_A_FINDING}`,
    innocentExplanations: innocent
  }
}

export function findMetadataObservations(metadata: DocumentMetadata, words: number): Fingerprint[] {
  const out: Fingerprint[] = []
  const minutes = metadata.totalEditingMinutes
  if (
    minutes !== undefined &&
    words >= LONG_DOCUMENT_WORDS &&
    words / Math.max(minutes, 1) > FAST_WORDS_PER_MINUTE
  ) {
    out.push(
      observation(
        'short-editing-time',
        `The file records ${minutes} minute${minutes === 1 ? '' : 's'} of total editing time for about ${words} words.`,
        [...METADATA_INNOCENT, 'Editing time only counts time the file was open in this program.']
      )
    )
  }
  if (metadata.revision === 1 && words >= LONG_DOCUMENT_WORDS) {
    out.push(
      observation('single-revision', `The file was saved only once (revision 1) for about ${words} words.`)
    )
  }
  if (metadata.rsidSessions === 1 && words >= LONG_DOCUMENT_WORDS) {
    out.push(
      observation(
        'single-editing-session',
        `All ${words} words carry the same editing-session mark (one rsid value), as when text arrives in one session, for example in one paste.`
      )
    )
  }
  const seen = new Set<string>()
  for (const [field, value] of [
    ['application', metadata.application],
    ['producer', metadata.producer],
    ['creator', metadata.creator]
  ] as const) {
    if (!value || seen.has(value)) continue
    seen.add(value)
    const tool = TOOLS.find((t) => t.pattern.test(value))
    if (!tool) continue
    out.push(
      observation(
        `producer-${tool.what.startsWith('an AI') ? 'ai-tool' : 'converter'}`,
        `The file's ${field} is "${value}", which looks like ${tool.what}.`,
        [
          'Schools, publishers and students convert files for many ordinary reasons (submission portals, printing to PDF).',
          'The producer names the last program that wrote the file, not who wrote the words.'
        ]
      )
    )
  }
  return out
}
