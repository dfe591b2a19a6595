/** Renders resources/style/style-compare.card.md from the card's measured figures. */
import type { StyleCompareCard } from '../../engine/style-compare/card'

interface AurocRow {
  source: string
  knownTexts: number
  group: string
  nSame: number
  nDifferent: number
  writers: number
  auroc: number | null
  interval: [number, number] | null
}
interface RateRow {
  source: string
  knownTexts: number
  group: string
  n: number
  writers: number
  flagged: number
  rate: number
  interval: [number, number]
}
interface ImitationRow {
  set: string
  knownTexts: number
  n: number
  texts: number
  standsOut: number
  rate: number
  interval: [number, number]
  ownRate: number
  ownN: number
  aurocVsOwn: number | null
  aurocInterval: [number, number] | null
}

const SOURCE: Record<string, string> = {
  fce: 'FCE exam answers (other question)',
  'micusp-cross': 'MICUSP, another paper by the writer',
  'micusp-same-paper': 'MICUSP, other parts of the same paper',
  all: 'all held-out same-student pairs'
}
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`
const num = (v: number | null): string => (v === null ? '—' : v.toFixed(3))
const ci = (i: [number, number] | null, f: (v: number) => string = (v) => v.toFixed(3)): string =>
  i ? `${f(i[0])}–${f(i[1])}` : '—'

export function renderStyleCard(card: StyleCompareCard): string {
  const f = card.figures as {
    auroc: AurocRow[]
    falseAlarm: RateRow[]
    imitation: ImitationRow[]
    imitationNote: string
    calibrationAuroc: number | null
    data: Record<string, number>
  }
  const head = f.auroc.find((r) => r.source === 'micusp-cross' && r.knownTexts === 2 && r.group === 'all')
  const fce = f.auroc.find((r) => r.source === 'fce' && r.group === 'all')
  const lines: string[] = []
  lines.push(`# Style comparison card (${card.name} ${card.version}, ${card.createdAt})`)
  lines.push('')
  lines.push(
    'Compares a checked text with the same student’s known writing (in-class essays, exam answers, earlier work) and says how unusual the difference is: “texts by the same student differ this much about 1 time in N; texts by different writers about 1 time in M”. Produced by `npm run eval:style` (`src/training/style/eval-style.ts`, deterministic, about 15 s); the app reads `style-compare.card.json`.'
  )
  lines.push('')
  lines.push('## Headline')
  lines.push('')
  if (head)
    lines.push(
      `- Same vs different writer with **2 known texts** (MICUSP, known texts from the writer’s other papers, held-out writers): **AUROC ${num(head.auroc)}** (95% CI ${ci(head.interval)}, ${head.writers} writers). The target of 0.90 is **not met**; the app therefore words the comparison as weak evidence (“tells the same and a different writer apart only about three times in four”) and never as a finding on its own.`
    )
  if (fce)
    lines.push(
      `- Cambridge FCE answers (~200 words, a different exam question as the known text): AUROC ${num(fce.auroc)} (${ci(fce.interval)}, ${fce.writers} writers).`
    )
  lines.push(
    `- Setting: a text “stands out” when it is further from the known writing than ${pct(1 - card.settingTail)} of same-student pairs of the calibration writers (target false-alarm rate ${pct(card.settingTail)}).`
  )
  lines.push('')
  lines.push('## Method')
  lines.push('')
  lines.push(
    '- Features (`src/engine/style-compare/features.ts`, counts only, no text is kept): ' +
      String(card.reference.functionWordSd.length) +
      ' function-word rates, 11 punctuation habits, sentence length and its spread, sentences per paragraph, word length, long and short words, vocabulary variety (distinct words per 50), 6 word-ending classes (‑ly, ‑ing, ‑ed, abstract nouns, adjective endings, ‑s), 11 error and habit proxies (space before punctuation, missing space after it, lower-case sentence starts, lower-case “i”, a/an mismatches, doubled words, repeated !!/??, words in capitals, contractions, digits, sentences opening with And/But/So), and hashed trigrams of the function-word skeleton (content words masked by their ending).'
  )
  lines.push(
    `- Difference vector: per measure |difference| in reference standard deviations, plus function-word Delta and cosine, skeleton cosine and punctuation cosine (${card.model.names.length} values). Weighted by a logistic regression of same vs different writer; the distance is its log-odds.`
  )
  lines.push(
    '- Writers are split by a hash of their id: 40% fit the weights and the reference spreads, 30% set the tail tables and thresholds (one per number of known texts: 1, 2, 3+), 30% are held out; every figure below is on held-out writers. Intervals: 95% cluster bootstrap over writers (AUROC, imitation), Wilson (false-alarm rates).'
  )
  lines.push(
    `- Data: ${f.data.fceAnswers} FCE answers by ${f.data.fceWriters} candidates (two answers each, first language recorded; ../shared/data/fce-learners), ${f.data.micuspParts} parts of ~400 words from MICUSP papers by ${f.data.micuspWriters} writers, ${f.data.micuspWritersWithSeveralPapers} of whom wrote several papers (../shared/data/micusp-papers; the first part, title and abstract, is skipped). Different-writer pairs use the same exam question (FCE) or the same discipline (MICUSP), so topic does not give them away. ${f.data.pairs} pairs in all.`
  )
  lines.push('')
  lines.push('## Same vs different writer (AUROC, held-out writers)')
  lines.push('')
  lines.push('| pairs | known texts | writer group | AUROC | 95% CI | same / different pairs | writers |')
  lines.push('|---|---|---|---|---|---|---|')
  for (const r of f.auroc)
    lines.push(
      `| ${SOURCE[r.source] ?? r.source} | ${r.knownTexts} | ${r.group} | ${num(r.auroc)} | ${ci(r.interval)} | ${r.nSame} / ${r.nDifferent} | ${r.writers} |`
    )
  lines.push('')
  lines.push(
    'Parts of the same paper share topic and occasion, so they are an easier, optimistic case; the app’s tables use FCE and the cross-paper pairs only.'
  )
  lines.push('')
  lines.push('## False alarms at the app’s setting (a student’s own text marked “stands out”)')
  lines.push('')
  lines.push('| pairs | known texts | writer group | stands out | rate | 95% CI |')
  lines.push('|---|---|---|---|---|---|')
  for (const r of f.falseAlarm)
    lines.push(
      `| ${SOURCE[r.source] ?? r.source} | ${r.knownTexts} | ${r.group} | ${r.flagged} of ${r.n} | ${pct(r.rate)} | ${ci(r.interval, pct)} |`
    )
  lines.push('')
  lines.push(
    'Non-native writers: every FCE candidate is an English learner, and the rate for them is the headline rate above; by first language it ranges widely on small groups (see the rows). In MICUSP the non-native groups are small (under 30 pairs): their intervals are wide and overlap the native ones, so “no worse” is not shown either way.'
  )
  lines.push('')
  lines.push('## AI text written for the student’s own prompt')
  lines.push('')
  lines.push(
    'Our own chat-assistant texts (data/imitation/imitation.jsonl): answers to the same FCE question the student answered (asked to sound like a B2 learner), student answers polished by AI (`mixed`), and sections imitating a MICUSP paper. Known writing: the student’s other FCE answer, or parts of the same paper. “Own” is the student’s real text with the same known writing.'
  )
  lines.push('')
  lines.push(
    '| set | known texts | AI texts stand out | rate | 95% CI | own texts stand out | AUROC AI vs own | 95% CI |'
  )
  lines.push('|---|---|---|---|---|---|---|---|')
  for (const r of f.imitation)
    lines.push(
      `| ${r.set} | ${r.knownTexts} | ${r.standsOut} of ${r.n} (${r.texts} texts) | ${pct(r.rate)} | ${ci(r.interval, pct)} | ${pct(r.ownRate)} of ${r.ownN} | ${num(r.aurocVsOwn)} | ${ci(r.aurocInterval)} |`
    )
  if (f.imitationNote) lines.push('', f.imitationNote)
  lines.push('')
  lines.push('## Limits')
  lines.push('')
  for (const l of card.limits) lines.push(`- ${l}`)
  lines.push(
    '- Calibrated on exam answers by English learners and on upper-level university papers; school essays of younger native writers are not in the data. Known texts much shorter than ~150 words, or a questioned text under 100 words, are not compared.'
  )
  lines.push(
    '- AI text imitating a learner (“write it like a B2 student”) mostly stays within the student’s range: the comparison catches a minority of such texts and should never be read as clearing a text.'
  )
  lines.push('')
  return lines.join('\n')
}
