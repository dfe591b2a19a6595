/**
 * Chatbot copy artefacts (research §9.2): tracking parameters and citation markup that chat interfaces add,
 * and phrases often left over from chat answers. They show a COPY PATH (the text or a link passed through a
 * chat interface), not who wrote the prose.
 */
import type { Fingerprint } from '../../shared/types'
import { snippet } from './format'

interface PatternRule {
  rule: string
  pattern: RegExp
  describe: (match: string) => string
  innocent: string[]
}

const LINK_COPIED =
  'A source link copied from a chat answer; the student may have used the assistant only to find sources.'

function utmRule(rule: string, service: string, sources: string): PatternRule {
  return {
    rule,
    pattern: new RegExp(`[?&]utm_source=(?:${sources})\\b[^\\s)\\]"'>]*`, 'gi'),
    describe: (m) =>
      `A link carries the tracking tag "${snippet(m, 50)}", which ${service} adds to links in its answers.`,
    innocent: [
      LINK_COPIED,
      'The link may have been shared by someone else or copied from a page that quoted it.'
    ]
  }
}

const RULES: PatternRule[] = [
  utmRule('utm-chatgpt', 'ChatGPT', 'chatgpt\\.com|chatgpt|openai(?:\\.com)?'),
  utmRule('utm-perplexity', 'Perplexity', 'perplexity(?:\\.ai)?'),
  utmRule('utm-copilot', 'Microsoft Copilot', 'copilot(?:\\.microsoft)?(?:\\.com)?|bing(?:chat)?(?:\\.com)?'),
  utmRule('utm-gemini', 'Google Gemini', 'gemini(?:\\.google)?(?:\\.com)?|bard'),
  utmRule('utm-claude', 'Claude', 'claude(?:\\.ai)?|anthropic(?:\\.com)?'),
  {
    rule: 'oaicite',
    pattern: /:contentReference\[oaicite:\d+\](?:\{index=\d+\})?|\[oaicite:\d+\]/g,
    describe: (m) =>
      `ChatGPT citation markup "${snippet(m, 50)}" is left in the text. It appears when an answer with sources is copied from ChatGPT.`,
    innocent: ['Text quoted from a web page or another document that itself was copied from ChatGPT.']
  },
  {
    rule: 'file-search-citation',
    pattern: /【\d+(?::\d+)?†[^】\n]{0,80}】/g,
    describe: (m) =>
      `Assistant citation marker "${m}" is left in the text (OpenAI assistants and file search use this form).`,
    innocent: ['Text quoted from a document or page that itself was copied from an assistant answer.']
  },
  {
    rule: 'openai-citation-marker',
    pattern: /\uE200[a-z]+(?:\uE202[^\uE200\uE201\s]{1,60})+\uE201/g,
    describe: () =>
      'Invisible ChatGPT citation markers (private-use characters U+E200…U+E201) are left in the text.',
    innocent: ['Text quoted from a page or document that itself was copied from ChatGPT.']
  },
  {
    rule: 'openai-citation-text',
    pattern: /\b(?:cite|navlist|filecite)(?:turn\d+(?:search|news|file|view|image|fetch)\d+)+/g,
    describe: (m) =>
      `ChatGPT citation code "${snippet(m, 40)}" is left in the text (the visible part of its citation markup).`,
    innocent: ['Text quoted from a page or document that itself was copied from ChatGPT.']
  },
  {
    rule: 'as-an-ai-language-model',
    pattern: /\bas an AI(?: language)? model\b/gi,
    describe: (m) => `The phrase "${m}" is typical of chatbot answers.`,
    innocent: ['An essay about AI may quote or discuss this phrase.']
  },
  {
    rule: 'certainly-heres',
    pattern: /\b(?:Certainly|Sure|Absolutely|Of course)[!,.] Here(?:'s|’s| is| are)\b/g,
    describe: (m) => `The opening "${m}" is typical of chatbot answers.`,
    innocent: ['People write this way too, especially in emails or dialogue.']
  },
  {
    rule: 'hope-this-helps',
    pattern: /\bI hope (?:this|that) helps\b/gi,
    describe: (m) => `The closing "${m}" is typical of chatbot answers.`,
    innocent: ['A common closing phrase in letters and forum posts.']
  },
  {
    rule: 'knowledge-cutoff',
    pattern:
      /\b(?:as of my (?:last |latest )?(?:knowledge|training)(?: data)? (?:update|cutoff|cut-off)|my (?:knowledge|training data) (?:cutoff|cut-off)|as of my last update)\b/gi,
    describe: (m) => `The phrase "${m}" refers to a language model's training cut-off.`,
    innocent: ['An essay about AI may quote or discuss such phrases.']
  },
  {
    rule: 'chat-interface-label',
    pattern: /^(?:ChatGPT said:|You said:|Copy code|Regenerate response|Copy Edit)\s*$/gm,
    describe: (m) =>
      `The chat-interface label "${m.trim()}" is left in the text, as when a whole conversation is copied.`,
    innocent: ['A document about chatbots may show such labels on purpose.']
  }
]

export function findChatbotArtefacts(text: string): Fingerprint[] {
  const out: Fingerprint[] = []
  for (const r of RULES) {
    for (const m of text.matchAll(r.pattern)) {
      const start = m.index ?? 0
      out.push({
        kind: r.rule === 'openai-citation-marker' ? 'private-use' : 'chatbot-artefact',
        rule: r.rule,
        start,
        end: start + m[0].length,
        count: 1,
        description: r.describe(m[0]),
        innocentExplanations: r.innocent
      })
    }
  }
  return out
}
