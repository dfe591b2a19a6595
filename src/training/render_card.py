"""Renders the human-readable model card (detector.card.md) from detector.card.json (detector v2)."""

CORPUS_NAMES = {
    'outfox': 'US grade 6-12 essays (PERSUADE, via OUTFOX)',
    'asap-essays': 'US grade 7-10 essays, reading responses, narratives (ASAP)',
    'commonlit-summaries': 'US grade 3-12 summaries (CommonLit)',
    'ellipse-ell-essays': 'English learners, grades 8-12 (ELLIPSE)',
    'fce-learners': 'Cambridge FCE exam answers, adult/teen learners',
    'gede-preview': 'essay-forum writers and IELTS candidates (GEDE)',
    'micusp-papers': 'upper-level university papers, 16 disciplines (MICUSP)',
    'general-prose': 'news, stories, abstracts, web text (4 corpora)',
}


def _p(x):
    return 'n/a' if x is None else f'{100 * x:.1f}%'


def _f(x):
    return 'n/a' if x is None else f'{x:.3f}'


def _rate(r):
    if not r or r.get('n', 0) == 0:
        return 'n/a'
    return f"{_p(r['rate'])} ({r['k']}/{r['n']}; ≤ {_p(r['upper95'])})"


def _table(header, rows):
    lines = ['| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
    lines += ['| ' + ' | '.join(str(c) for c in r) + ' |' for r in rows]
    return '\n'.join(lines)


def targets(card):
    """(target, result, met) rows from the cross-corpus metrics."""
    m = card.get('metrics', {})
    cc = m.get('crossCorpus', {})
    rows = []
    hc = cc.get('humanCorpora', {})
    if hc:
        worst = max(hc.items(), key=lambda kv: kv[1]['all']['docOrPassage']['upper95'] or 0)
        worst_rate = max(v['all']['docOrPassage']['rate'] or 0 for v in hc.values())
        worst_up = worst[1]['all']['docOrPassage']['upper95']
        rows.append(['every held-out human corpus: false positives (document or any passage) ≤ 1%, upper bound ≤ 2%',
                     f'worst rate {_p(worst_rate)}; worst upper bound {_p(worst_up)} ({worst[0]})',
                     'yes' if worst_rate <= 0.01 and worst_up <= 0.02 else 'no'])
        worst_doc = max(v['all']['balanced']['rate'] or 0 for v in hc.values())
        rows.append(['every held-out human corpus: document verdict "likely AI" ≤ 1%', f'worst {_p(worst_doc)}',
                     'yes' if worst_doc <= 0.01 else 'no'])
    im = cc.get('imitation', {}).get('caughtBalanced')
    if im:
        rows.append(['student-imitation texts (prompt-disjoint) caught ≥ 90%', _rate(im), 'yes' if im['rate'] >= 0.9 else 'no'])
    gf = cc.get('generatorFamilies', {})
    chat = {k: v['essays']['balanced'] for k, v in gf.items() if k in ('gpt-4', 'llama', 'gpt-3.5', 'claude')
            and v['essays']['nJudged'] > 0}
    if chat:
        worst = min(chat.values())
        rows.append(['unseen chat-model essays caught ≥ 95% (each family left out)',
                     ', '.join(f'{k} {_p(v)}' for k, v in chat.items()), 'yes' if worst >= 0.95 else 'no'])
    att = cc.get('attacks', {})
    if att:
        vals = {k: v['balanced'] for k, v in att.items() if v.get('balanced') is not None}
        worst = min(vals.values()) if vals else None
        rows.append(['paraphrased / humanized AI text caught ≥ 80% (no attack seen in training)',
                     ', '.join(f'{k} {_p(v)}' for k, v in vals.items()), 'yes' if worst is not None and worst >= 0.8 else 'no'])
    pas = m.get('inDistribution', {}).get('passages', {}).get('splicedEssays', {})
    if pas:
        acc = pas.get('accuracyHmm')
        rows.append(['passages in mixed documents ≥ 90% correct', _p(acc), 'yes' if acc is not None and acc >= 0.9 else 'no'])
    ea = cc.get('essayAuroc', {}).get('auroc')
    if ea is not None:
        rows.append(['essay AUROC ≥ 0.99 (cross-corpus)', _f(ea), 'yes' if ea >= 0.99 else 'no'])
    return rows


def render_card(card):
    m = card.get('metrics', {})
    cc = m.get('crossCorpus', {})
    ops = {o['name']: o for o in card['operatingPoints']}
    out = [f"# Model card: {card['name']} {card['version']}", '',
           f"Date: {card['date']}  ", f"ONNX sha256: `{card['sha256']}` ({card['sizeBytes']:,} bytes)  ",
           f"Licence of the weights: **{card['licence']}**", '',
           '## What it is', '',
           'A linear detector (logistic regression) over three views of the normalised text, computed by the app\'s '
           'own TypeScript featurizer: hashed character 3-5-grams and word 1-2-grams (2^20 buckets); a **skeleton** '
           'view in which every word outside a closed list of ~300 function words is replaced by its shape (`*`, '
           '`*ing`, `*ly`, ...) and 2-3-grams of that skeleton are hashed (2^18 buckets), so sentence construction '
           'counts without topic words; and 15 style rates. Every score is an exact sum of per-feature '
           'contributions, which is what the explanations show.', '',
           '**What the number means.** The headline a teacher sees is how unusual the score is for human writing: '
           '"about 1 in N human texts of this kind score this high", from calibration-split human documents of each '
           'writer group (the highest rate over the groups is shown). It does not depend on how many AI texts were '
           'in training. Where a probability is shown it assumes **half** of the texts are AI-written '
           f"(Platt scaling with the two classes weighted equally; `assumedAiShare` {card['calibration'].get('assumedAiShare')}).", '',
           '## Headline: cross-corpus figures', '',
           'Each human corpus below is scored by a model **trained without it** (and without the AI texts written for '
           'its prompts); each generator family by a model trained without that family; our student-imitation texts by '
           'prompt-disjoint folds; attacks by a model that saw none. Thresholds are frozen: they come from the '
           'calibration split of the corpora that remained in training (worst writer group), never from the texts being '
           'measured. A **false positive** is a human document with the verdict "likely AI" *or* any passage shaded '
           f"\"reads like AI\". Documents under {card.get('limitedEvidenceWords', 150)} words get \"limited evidence\" "
           'and no verdict; their passages still count.', '']
    tg = targets(card)
    if tg:
        out += ['### Targets (issue 11)', '']
        out.append(_table(['target', 'measured', 'met?'], tg))
        out += ['']
    hc = cc.get('humanCorpora', {})
    if hc:
        out += ['### Human writing from corpora left out of training (default setting "balanced")', '']
        rows = []
        for k, v in hc.items():
            a = v['all']
            rows.append([CORPUS_NAMES.get(k, k), a['n'], _rate(a['balanced']), _rate(a['anyPassage']),
                         _rate(a['docOrPassage']), _rate(a['strict']), _f(v.get('auroc'))])
            for g, s in sorted(v.get('subgroups', {}).items()):
                rows.append(['&nbsp;&nbsp;' + g, s['n'], _rate(s['balanced']), _rate(s['anyPassage']),
                             _rate(s['docOrPassage']), _rate(s['strict']), ''])
        out.append(_table(['held-out writers', 'docs', 'verdict "likely AI"', 'any passage shaded',
                           'either (false positive)', 'strict setting', 'AUROC vs its AI texts'], rows))
        out += ['', 'Rates are k/n with the one-sided 95% Clopper-Pearson upper bound after "≤".', '']
    gf = cc.get('generatorFamilies', {})
    if gf:
        out += ['### AI text from generator families left out of training', '']
        rows = [[k, ', '.join(v['generators'][:4]) + (' …' if len(v['generators']) > 4 else ''),
                 v['essays']['nJudged'], _p(v['essays']['balanced']), v['all']['nJudged'], _p(v['all']['balanced']),
                 _p(v.get('imitation', {}).get('balanced')) if 'imitation' in v else '']
                for k, v in gf.items()]
        out.append(_table(['left out', 'generators', 'essays', 'caught (balanced)', 'all texts', 'caught',
                           'our imitation texts caught'], rows))
        out += ['']
    im = cc.get('imitation')
    if im:
        out += ['### Our student-imitation corpus (prompt-disjoint folds)', '',
                f"Texts a chat assistant wrote for students who asked it to sound like a student (data/imitation). "
                f"{im['folds']} folds by prompt; each fold scored by a model trained without its prompts. Caught at the "
                f"balanced setting: **{_rate(im['caughtBalanced'])}**. Polished human essays (label mixed) flagged: "
                f"{_rate(im.get('polishedFlagged'))}.", '']
        for key, groups in im.get('by', {}).items():
            out.append(_table([key, 'caught'], [[g, _rate(r)] for g, r in sorted(groups.items())]))
            out += ['']
    aud = m.get('auditSet')
    if aud:
        out += ['### Never-touched audit set', '',
                f"{aud['what'][0].upper()}{aud['what'][1:]} (setting \"{aud['setting']}\"; 95% Wilson intervals).", '']
        out.append(_table(['writers imitated', 'texts', 'judged (150+ words)', 'caught', 'interval'],
                          [[r['group'], r['n'], r['judged'], _p(r['rate']), f"{_p(r['lower'])}–{_p(r['upper'])}"]
                           for r in aud['rows']]))
        out += ['']
    att = cc.get('attacks')
    if att:
        out += ['### Paraphrase and humanizer attacks (none seen in training)', '']
        out.append(_table(['attack', 'sources', 'texts', 'caught (balanced)', 'caught (sensitive)'],
                          [[k, ', '.join(v['sources']), v['nJudged'], _p(v['balanced']), _p(v['sensitive'])]
                           for k, v in att.items()]))
        out += ['']
    if cc.get('essayAuroc'):
        e = cc['essayAuroc']
        out += [f"Cross-corpus essay AUROC: **{_f(e['auroc'])}** ({e['nHuman']} human, {e['nAi']} AI; {e['note']}).", '']
    out += ['## Operating points', '']
    out.append(_table(['setting', 'target', 'threshold (probability)', 'measured FPR, test split of training corpora',
                       'per-group calibration thresholds (logit)'],
                      [[o['name'], _p(o['targetFpr']), f"{o['threshold']:.4f}",
                        f"{_p(o['fpr'])} (≤ {_p(o['fprUpper'])})",
                        ', '.join(f"{g} {v['logit']:.2f} (n={v['n']})" for g, v in o.get('perGroupCalibration', {}).items())]
                       for o in card['operatingPoints']]))
    pt = card['passageThresholds']
    out += ['', f"Passages are shaded \"reads like AI\" above a calibrated passage probability of {pt['likelyAi']:.3f} "
            f"(chosen so that at most 1% of any writer group's calibration documents get one shaded passage) and "
            f"\"reads like human\" below {pt['likelyHuman']:.3f}. Passages under {card['tooShortWords']} words are not "
            f"scored.", '']
    ind = m.get('inDistribution')
    if ind:
        out += ['## In-distribution (test split of the training corpora)', '',
                f"Essay AUROC {_f(ind['essayAuroc'])}. These figures are optimistic: same corpora, prompts unseen.", '']
        out.append(_table(['writers', 'docs', 'verdict "likely AI"', 'any passage', 'either'],
                          [[g, v['n'], _rate(v['balanced']), _rate(v['anyPassage']), _rate(v['docOrPassage'])]
                           for g, v in ind['humanByWriters'].items() if v['n']]))
        out += ['']
        out.append(_table(['AI family', 'texts', 'caught (balanced)', 'caught (strict)'],
                          [[f, v['nJudged'], _p(v['balanced']), _p(v['strict'])] for f, v in ind['aiByFamily'].items()]))
        out += ['', '### By length (student writing and essays)', '']
        out.append(_table(['words', 'human', 'AI', 'AUROC', 'human flagged', 'AI caught'],
                          [[k, v['nHuman'], v['nAi'], _f(v['auroc']), _rate(v['fprBalanced']), _p(v['tprBalanced'])]
                           for k, v in ind['byLength'].items()]))
        out += ['', '### AI-edited human writing (never trained on)', '']
        out.append(_table(['source', 'texts', 'flagged (balanced)'],
                          [[k, v['nJudged'], _p(v['balanced'])] for k, v in ind['aiEditedHumanFlagged'].items()]))
        out += ['', '### Passages in mixed documents', '']
        out.append(_table(['mixed documents', 'docs', 'passages', 'accuracy (HMM)', 'F1 (HMM)', 'AI-share MAE'],
                          [[k, v['documents'], v['passages'], _p(v['accuracyHmm']), _f(v['f1Hmm']), _f(v['aiShareMae'])]
                           for k, v in ind['passages'].items()]))
        f = ind.get('formattingOnlyAuroc')
        if f:
            out += ['', f"Formatting alone: a model given only layout cues of the raw text (line breaks, \"Title:\", "
                    f"spacing, curly quotes, dashes, Markdown marks) reaches AUROC {_f(f['rawText'])} on the test split; "
                    f"given only the layout cues that survive the normaliser ({f['cuesAfterNormalisation']}) it reaches "
                    f"{_f(f['afterNormalisation'])}. Above 0.5 means some layout still separates the sources: the "
                    f"detector could lean on it (see src/training/formatting-check.ts).", '']
    out += ['## Data', '']
    out.append(_table(['dataset', 'source', 'licence', 'use'],
                      [[d['name'], d['source'], d['licence'], d['use']] for d in card['datasets']]))
    out += ['', 'Splits are by prompt / paper / pair id with a fixed seed (55% train, 20% calibration, 25% test), never '
            'by record; our imitation texts share the split of the corpus prompt they were written for.', '',
            '## Known limits', '',
            '- **Not proof.** A score is a reason to talk with the student and look at drafts and version history.',
            '- **Short text**: under 150 words the app says "limited evidence" and gives no verdict.',
            '- **Our imitation corpus was written by one assistant family** (Claude, 2026): other assistants imitating '
            'students are measured only through the public generator families above.',
            '- **AI-polished human writing** is often flagged (table above): a high score does not distinguish '
            '"written by AI" from "heavily edited with AI".',
            '- **College application essays** by strong writers: no human set of them exists in our data; university '
            'papers and essay-forum writing are the closest measured groups.',
            '- **Non-English** text is not scored.',
            '- Modern chat models other than ours are thin in the data (gpt-4o-mini, Llama-3.x, Claude-instant).', '']
    return '\n'.join(out)
