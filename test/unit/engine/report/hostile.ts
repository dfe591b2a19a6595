/** An essay written to attack the report: markup, CSS escapes, bidi tricks and a 5000-character word. */
import type { DocumentResult } from '../../../../src/shared/types'
import { okResult } from './fixtures'

export const LONG_WORD = 'Pneumono' + 'x'.repeat(4984) + 'ultimate'
export const HOSTILE_NAME = '"><img src=x onerror=alert(1)>\u202Egpj.docx'

const PARAGRAPHS = [
  'Dear teacher <script>alert("owned")</script> please read.',
  'Look: <img src=x onerror=alert(document.cookie)> and <a href="javascript:alert(1)">click</a>.',
  '</style><style>body{background:url(https://evil.example/track.png)}</style><link rel=stylesheet href=//evil.example/x.css>',
  'Bidi: the total is \u202E0001\u202C dollars, and \u2066isolated\u2069 text \u202Bembedded\u202C.',
  `Long: ${LONG_WORD} end.`,
  '<svg onload=alert(1)><iframe src="https://evil.example"></iframe><meta http-equiv=refresh content="0;url=https://evil.example">'
]

export function hostileResult(): DocumentResult {
  const base = okResult()
  let text = ''
  const passages = PARAGRAPHS.map((para, index) => {
    if (index > 0) text += '\n\n'
    const start = text.length
    text += para
    return {
      index,
      start,
      end: text.length,
      page: 1,
      words: para.split(/\s+/).length,
      kind: 'prose' as const,
      paragraphs: [index, index] as [number, number]
    }
  })
  const evil = text.indexOf('<script>')
  return {
    ...base,
    path: `/tmp/class/${HOSTILE_NAME}`,
    fileName: HOSTILE_NAME,
    text,
    passages: passages.map((p, i) => ({
      ...p,
      score: {
        aiProbability: 0.5 + i * 0.08,
        interval: null,
        label: i > 2 ? 'likely-ai' : 'uncertain',
        segment: null,
        explanation: {
          towardsAi: i === 0 ? [{ start: evil, end: evil + 8, phrase: '<script>', weight: 0.5 }] : [],
          towardsHuman: [],
          style: [{ feature: 'x', text: '<b onmouseover=alert(1)>style</b>', direction: 'ai' as const }]
        }
      }
    })),
    metadata: {
      creator: '<script>alert(2)</script>',
      title: '\u202Etxt.exe',
      application: 'Word</td></tr></table><script>x()</script>',
      template: 'url(https://evil.example/t.dotx)'
    },
    warnings: [{ code: 'extraction-note', message: '<img src=x onerror=alert(3)>' }],
    fingerprints: [
      {
        kind: 'bidi-control',
        rule: 'bidi-override',
        start: text.indexOf('\u202E'),
        end: text.indexOf('\u202E') + 1,
        count: 3,
        description: 'Text-direction override characters.',
        innocentExplanations: ['Right-to-left languages use them.']
      }
    ],
    watermarks: base.watermarks?.map((w) => ({
      ...w,
      profileName: '<script>alert("key")</script>',
      message: '</style>'
    }))
  }
}
