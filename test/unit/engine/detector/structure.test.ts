/**
 * Detector v2 behaviour a teacher relies on: structure never switches scoring off, labels and verdicts never
 * contradict their numbers, short texts get "limited evidence", and the headline rate is read from the card.
 * Texts go through the real extraction and passage segmentation (TXT), not hand-made passages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Passage, PassageScore } from '../../../../src/shared/types'
import { humanRate } from '../../../../src/engine/detector/card'
import { segmentPassages } from '../../../../src/engine/text'
import { normalise } from '../../../../src/engine/detector/normalise'
import { extractBuffer } from '../../../../src/pipeline/extract'
import { loadDetector, type Detector } from '../../../../src/pipeline/detector'
import type { DocumentScore } from '../../../../src/engine/detector/score'

// Our own text, written in the style a chat assistant answers "write my essay on school uniforms".
const AI_ESSAY = [
  'School uniforms have long been a topic of debate among educators, parents, and students. While some argue ' +
    'that uniforms limit self-expression, there are compelling reasons to believe that they create a more ' +
    'focused and equitable learning environment. Ultimately, the benefits of school uniforms outweigh their ' +
    'drawbacks.',
  'First and foremost, uniforms help reduce social pressure related to clothing. In many schools, students ' +
    'feel judged based on the brands they wear, which can lead to bullying and exclusion. By requiring everyone ' +
    'to dress the same way, schools can foster a sense of equality and belonging. This allows students to focus ' +
    'on their studies rather than on keeping up with the latest fashion trends.',
  'Additionally, school uniforms can save families both time and money. Parents no longer need to purchase a ' +
    'wide variety of trendy outfits, and students spend less time deciding what to wear each morning. ' +
    'Furthermore, uniforms can enhance school safety, as staff members can quickly identify individuals who do ' +
    'not belong on campus.',
  'Critics often claim that uniforms stifle creativity and individuality. However, students still have numerous ' +
    'opportunities to express themselves through their ideas, their work, and their extracurricular activities. ' +
    'In conclusion, school uniforms play a crucial role in creating a respectful, safe, and focused school ' +
    'community, making them a valuable policy for schools to consider.'
]
const HUMAN_INTRO =
  'ok so my teacher asked us to write about uniforms and honestly i wasnt sure what i thought at first. my ' +
  'little brother has to wear one at his school and he hates the itchy sweater lol, but my mom says it saves ' +
  'her alot of arguments in the morning so idk.'

let detector: Detector
beforeAll(async () => {
  detector = await loadDetector()
})
afterAll(async () => detector.close())

async function check(text: string): Promise<{ score: DocumentScore; passages: Passage[]; text: string }> {
  const out = await extractBuffer(new TextEncoder().encode(text), 'essay.txt')
  if (!out.ok) throw new Error(out.error.message)
  const passages = segmentPassages(out.doc.text, out.doc.paragraphs)
  const score = await detector.scoreDocument(out.doc.text, passages, { operatingPoint: 'balanced' })
  return { score, passages, text: out.doc.text }
}

function proseScores(r: { score: DocumentScore; passages: Passage[] }): PassageScore[] {
  return r.score.passages.filter((_, i) => r.passages[i]?.kind === 'prose')
}

describe('structure does not switch scoring off', () => {
  const plain = AI_ESSAY.join('\n\n')

  it('scores the plain essay and gives it a verdict', async () => {
    const r = await check(plain)
    expect(r.score.summary.aiProbability).not.toBeNull()
    expect(['likely-ai', 'uncertain', 'likely-human']).toContain(r.score.summary.verdict)
    expect(r.score.summary.humanRate).not.toBeNull()
  })

  const variants: [string, string][] = [
    ['a "Title:" first line', `Title: Should Schools Require Uniforms?\n\n${plain}`],
    ['a "Subject:" first line', `Subject: English 10 essay - uniforms\n\n${plain}`],
    [
      'a Works Cited section',
      `${plain}\n\nWorks Cited\n\nSmith, J. (2019). Uniform policies in American schools. Education Weekly, 12(3), 45-52.\n\nBrown, K. (2021). Dress codes and belonging. Journal of School Climate, 8(1), 10-19.`
    ],
    [
      'bullet points between paragraphs',
      `${AI_ESSAY.slice(0, 2).join('\n\n')}\n\n- lower cost for families\n- less bullying\n- easier to spot visitors\n\n${AI_ESSAY.slice(2).join('\n\n')}`
    ]
  ]
  for (const [name, text] of variants) {
    it(`keeps the essay scored with ${name}`, async () => {
      const base = await check(plain)
      const r = await check(text)
      const p0 = base.score.summary.aiProbability ?? NaN
      const p1 = r.score.summary.aiProbability
      expect(p1).not.toBeNull()
      expect(r.score.summary.verdict).toBe(base.score.summary.verdict)
      expect(Math.abs((p1 ?? NaN) - p0)).toBeLessThan(0.1)
      // every essay paragraph is still scored (structure lines are not, or are scored on their own)
      const scored = proseScores(r).filter((s) => s.aiProbability !== null)
      expect(scored.length).toBeGreaterThanOrEqual(
        proseScores(base).filter((s) => s.aiProbability !== null).length
      )
    })
  }

  it('gives the same score when letters are swapped for look-alikes the normaliser folds (Armenian, Cherokee, small capitals)', async () => {
    const disguised = plain
      .replace(/o/g, '\u0585') // Armenian small oh
      .replace(/u/g, '\u057d') // Armenian small seh
      .replace(/T/g, '\u13a2') // Cherokee TE
      .replace(/v/g, '\u1d20') // Latin letter small capital V
      .replace(/e/g, 'e\u0307') // combining dot above
    expect(normalise(disguised).text).toBe(normalise(plain).text)
    const a = await check(plain)
    const b = await check(disguised)
    expect(b.score.summary.aiProbability).toBeCloseTo(a.score.summary.aiProbability ?? NaN, 6)
  })

  it('still scores AI paragraphs that follow a human-written introduction', async () => {
    const alone = await check(plain)
    const r = await check(`${HUMAN_INTRO}\n\n${plain}`)
    const scores = proseScores(r)
    // the introduction reads less like AI than the essay does
    expect(scores[0]?.aiProbability ?? 1).toBeLessThan(alone.score.summary.aiProbability ?? 0)
    // every passage after it is scored, and the essay's AI passages are still found
    expect(scores.slice(1).every((s) => s.aiProbability !== null)).toBe(true)
    const aiAlone = proseScores(alone).filter((s) => s.label === 'likely-ai').length
    const aiAfter = scores.slice(1).filter((s) => s.label === 'likely-ai').length
    expect(aiAfter).toBeGreaterThanOrEqual(Math.min(1, aiAlone))
    expect(r.score.summary.aiProbability ?? 0).toBeGreaterThan(0.5)
  })
})

describe('numbers and words agree', () => {
  it('says "limited evidence" under the card length, with the score still shown', async () => {
    const words = detector.card.limitedEvidenceWords ?? 150
    const text = AI_ESSAY.slice(0, 2).join('\n\n')
    const n = text.split(/\s+/).length
    expect(n).toBeLessThan(words)
    expect(n).toBeGreaterThanOrEqual(detector.card.tooShortWords)
    const r = await check(text)
    expect(r.score.summary.verdict).toBe('limited-evidence')
    expect(r.score.summary.aiProbability).not.toBeNull()
    expect(r.score.summary.humanRate).not.toBeNull()
  })

  it('never labels a passage against its own probability, nor names an uncertain passage in an AI run', async () => {
    const texts = [AI_ESSAY.join('\n\n'), `${HUMAN_INTRO}\n\n${AI_ESSAY.join('\n\n')}`, HUMAN_INTRO.repeat(3)]
    for (const t of texts) {
      const r = await check(t)
      r.score.passages.forEach((s) => {
        if (s.label === 'likely-ai') expect(s.aiProbability ?? 0).toBeGreaterThan(0.5)
        if (s.label === 'likely-human') expect(s.aiProbability ?? 1).toBeLessThan(0.5)
      })
      const p = r.score.summary.aiProbability
      if (r.score.summary.verdict === 'likely-human') expect(p ?? 1).toBeLessThan(0.5)
      for (const seg of r.score.summary.segments.filter((s) => s.state === 'ai')) {
        for (let i = seg.fromPassage; i <= seg.toPassage; i++) {
          const k = r.passages.findIndex((x) => x.index === i)
          expect(r.score.passages[k]?.label).toBe('likely-ai')
        }
      }
    }
  })

  it('reads "1 in N human texts" from the card: rarer as the score rises, below resolution past every human text', () => {
    const card = detector.card
    const groups = Object.values(card.humanTail?.groups ?? {})
    expect(groups.length).toBeGreaterThan(2)
    const rates = [-4, -1, 0, 1, 2, 3, 4, 6].map((z) => humanRate(card, z)?.rate ?? NaN)
    for (let i = 1; i < rates.length; i++) expect(rates[i] ?? 0).toBeLessThanOrEqual(rates[i - 1] ?? 0)
    const top = Math.max(...groups.flatMap((g) => g.top))
    const beyond = humanRate(card, top + 1)
    expect(beyond?.belowResolution).toBe(true)
    expect(humanRate(card, -20)?.rate).toBeGreaterThan(0.95)
  })
})

describe('text the detector cannot judge says so', () => {
  const samples: [string, string][] = [
    [
      'Indonesian',
      'Sekolah kami mulai setiap pagi pukul tujuh. Saya suka pelajaran matematika karena guru kami menjelaskan dengan ' +
        'sangat jelas dan sabar. Setelah sekolah, saya dan teman-teman sering bermain sepak bola di lapangan yang ada di ' +
        'dekat rumah. Pada akhir pekan, saya membantu ibu di pasar dan kadang-kadang mengunjungi nenek di desa. Ini ' +
        'adalah kegiatan yang saya sukai karena saya bisa belajar banyak hal baru dengan keluarga saya.'
    ],
    [
      'Danish',
      'Skolen begynder hver morgen klokken otte, og jeg kan godt lide matematik, fordi vores lærer forklarer tingene ' +
        'meget tydeligt. Efter skole spiller jeg og mine venner fodbold på banen ved siden af biblioteket. I weekenden ' +
        'hjælper jeg min far i haven, og nogle gange besøger vi mine bedsteforældre på landet, hvor der er ikke så ' +
        'meget at lave, men det er hyggeligt at være sammen med dem og spise god mad.'
    ],
    [
      'Tagalog',
      'Ang aming paaralan ay nagsisimula tuwing umaga ng alas-siyete. Gusto ko ang matematika dahil malinaw na ' +
        'nagpapaliwanag ang aming guro. Pagkatapos ng klase, naglalaro kami ng basketbol sa plaza kasama ang mga ' +
        'kaibigan ko. Tuwing Sabado, tinutulungan ko ang aking nanay sa palengke at minsan ay bumibisita kami sa ' +
        'aming lola sa probinsya kung saan maraming puno at sariwang hangin ang makikita.'
    ]
  ]
  for (const [name, text] of samples) {
    it(`does not score ${name}`, async () => {
      const r = await check(text)
      expect(r.score.summary.verdict).toBe('unsupported-language')
      expect(r.score.summary.aiProbability).toBeNull()
    })
  }

  it('does not score code or formula-heavy text, and says why', async () => {
    const code = Array.from(
      { length: 12 },
      (_, i) => `for (let i = 0; i < n${i}; i++) {\n  total += values[i] * weights[${i}];\n}`
    ).join('\n')
    const r = await check(`My assignment solution:\n\n${code}`)
    expect(r.score.summary.verdict).toBe('not-prose')
    expect(r.score.summary.aiProbability).toBeNull()
    const maths = Array.from(
      { length: 10 },
      (_, i) => `x_${i} = (a^${i} + b^${i}) / (2 * c_${i}) = ${i * 3} + y_${i}^2 - z_${i} * (k + ${i})`
    ).join('\n\n')
    expect((await check(maths)).score.summary.verdict).toBe('not-prose')
  })

  it('still scores ordinary essays with citations and a few numbers', async () => {
    const text = AI_ESSAY.map((p, i) => `${p} (Smith, 20${10 + i}, p. ${i + 4}).`).join('\n\n')
    const r = await check(text)
    expect(r.score.summary.aiProbability).not.toBeNull()
    expect(['likely-ai', 'uncertain', 'likely-human']).toContain(r.score.summary.verdict)
  })
})
