"""Passage-level evaluation on mixed documents with known passage authorship.

The HMM below mirrors src/engine/detector/segment.ts (two states, Viterbi over calibrated passage
probabilities, switch probability from the card); a TS unit test pins the TS side to the same rule."""
import math

import numpy as np


def viterbi(probs, switch):
    """States 0=human, 1=ai. Emission log-likelihoods log(1-p), log(p); None = neutral (too short)."""
    n = len(probs)
    if n == 0:
        return []
    stay, move = math.log(1 - switch), math.log(switch)

    def emit(p, s):
        if p is None:
            return 0.0
        p = min(max(p, 1e-6), 1 - 1e-6)
        return math.log(p) if s == 1 else math.log(1 - p)

    score = [math.log(0.5) + emit(probs[0], 0), math.log(0.5) + emit(probs[0], 1)]
    back = []
    for p in probs[1:]:
        new, ptr = [], []
        for s in (0, 1):
            a = score[s] + stay
            b = score[1 - s] + move
            # ties keep the current state (same rule as the TS implementation)
            new.append(max(a, b) + emit(p, s))
            ptr.append(s if a >= b else 1 - s)
        score = new
        back.append(ptr)
    state = 1 if score[1] > score[0] else 0
    path = [state]
    for ptr in reversed(back):
        state = ptr[state]
        path.append(state)
    return path[::-1]


def _scores(truth, pred):
    truth = np.asarray(truth)
    pred = np.asarray(pred)
    acc = float((truth == pred).mean())
    tp = float(((truth == 1) & (pred == 1)).sum())
    fp = float(((truth == 0) & (pred == 1)).sum())
    fn = float(((truth == 1) & (pred == 0)).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else float('nan')
    return acc, f1


def passage_metrics(meta, p_pas, card):
    switch = card['segmentation']['switchProbability']
    too_short = card['tooShortWords']
    t_ai = card['passageThresholds']['likelyAi']
    out = {}
    for kind, name in (('splice-passage', 'splicedEssays'), ('seg-passage', 'mixsetCompletions')):
        docs = {}
        for i, m in enumerate(meta):
            if m['kind'] == kind and m['split'] == 'test':
                docs.setdefault(m['doc'], []).append((m['pos'], i))
        truth, raw, smooth, labelled = [], [], [], []
        ai_share_err = []
        for items in docs.values():
            items.sort()
            idx = [i for _, i in items]
            t = [1 if meta[i]['truth'] == 'ai' else 0 for i in idx]
            probs = [None if meta[i]['words'] < too_short else float(p_pas[i]) for i in idx]
            path = viterbi(probs, switch)
            truth += t
            raw += [1 if (p is not None and p > 0.5) else 0 for p in probs]
            labelled += [1 if (p is not None and p > t_ai) else 0 for p in probs]
            smooth += path
            w = np.array([meta[i]['words'] for i in idx], dtype=float)
            ai_share_err.append(abs((w * np.array(path)).sum() / w.sum() - (w * np.array(t)).sum() / w.sum()))
        if not truth:
            continue
        acc_raw, f1_raw = _scores(truth, raw)
        acc_s, f1_s = _scores(truth, smooth)
        acc_l, f1_l = _scores(truth, labelled)
        out[name] = {'documents': len(docs), 'passages': len(truth), 'accuracyRaw@0.5': round(acc_raw, 4),
                     'f1Raw@0.5': round(f1_raw, 4), 'accuracyHmm': round(acc_s, 4), 'f1Hmm': round(f1_s, 4),
                     'accuracyLikelyAiLabel': round(acc_l, 4), 'f1LikelyAiLabel': round(f1_l, 4),
                     'aiShareMae': round(float(np.mean(ai_share_err)), 4)}
    return out
