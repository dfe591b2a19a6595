"""Detector v2: sample selection, weighting, fitting and threshold choice, shared by train.py (the shipped
model) and evaluate.py (leave-one-corpus-out, leave-one-generator-out and prompt-disjoint refits).

Everything here is decided on training and calibration splits only; held-out corpora and the test split are
only ever scored.
"""
import math

import numpy as np

from detlib import HASH_SIZE, STYLE_OFFSET, cp_upper, fit_lbfgs, fold_style, logits, sigmoid, standardise_style, style_stats

# Human writer groups: thresholds are the worst (highest) over these, so no named group pays for another.
WRITER_GROUPS = ('k12-us', 'learner', 'university', 'adult-forum', 'general')
# Below this many words a document gets "limited evidence" instead of a verdict.
LIMITED_EVIDENCE_WORDS = 150
L2 = float(__import__('os').environ.get('DETECTOR_L2', '2e-6'))
STUDENT_WEIGHT = 2.0      # human writing by students (school, learner, university, forum): false accusations cost most
IMITATION_WEIGHT = 4.0    # our student-imitation texts: the AI text teachers actually meet (validated: 2 -> 4 raised calibration-split imitation recall 34% -> 43% at equal essay recall)
HARD_NEGATIVE_WEIGHT = 3.0
WINDOW_WEIGHT = 0.5
# AI text of small/old open models (GPT-2, OPT, flan-t5 continuations of human openings): down-weighted
# (validated: 1 -> 0.3 raised calibration-split essay recall at the 1% point 80.6% -> 81.7%)
OPEN_SMALL_WEIGHT = 0.3


class Table:
    """Column view of the sample metadata, for fast boolean selection."""

    def __init__(self, meta):
        self.n = len(meta)

        def col(key, default=''):
            return np.array([m.get(key, default) if m.get(key, default) is not None else default for m in meta])
        self.ds = col('ds')
        self.corpus = col('corpus')
        self.writers = col('writers')
        self.label = col('label')
        self.split = col('split')
        self.kind = col('kind')
        self.pos = np.array([m.get('pos', 0) or 0 for m in meta])
        self.words = np.array([m.get('words', 0) or 0 for m in meta])
        self.fam = col('fam')
        self.gen = col('gen')
        self.attack = col('attack')
        self.domain = col('domain')
        self.group = col('group')
        self.rec = col('rec')
        self.pair = col('pair')
        self.writer = col('writer')
        self.kind_of = col('kindOf')
        self.level = col('level')
        self.trainable = np.array([bool(m.get('trainable')) for m in meta])
        self.y = (self.label == 'ai').astype(np.int64)
        self.pure = np.isin(self.label, ['human', 'ai'])


def train_mask(T, exclude=None):
    """Training samples: train split, trainable, pure labels; documents (long ones as ~500-word chunks) and
    the first passage windows."""
    base = (T.split == 'train') & T.trainable & T.pure
    doc = (T.kind == 'doc') & (T.words <= 1200)
    chunk = T.kind == 'chunk'
    win = (T.kind == 'window') & ((T.pos < 4) | ((T.writers == 'university') & (T.pos < 12)))
    m = base & (doc | chunk | win)
    if exclude is not None:
        m &= ~exclude
    return m


DEFAULTS = {'l2': L2, 'student': STUDENT_WEIGHT, 'imitation': IMITATION_WEIGHT, 'hardNegative': HARD_NEGATIVE_WEIGHT,
            'window': WINDOW_WEIGHT, 'openSmall': OPEN_SMALL_WEIGHT, 'skeleton': True, 'iters': (120, 160)}


def sample_weights(T, idx, P=DEFAULTS):
    """Per-corpus weights ~ 1/sqrt(n) inside each class (no corpus dominates, none vanishes), students and our
    imitation texts emphasised, then the two classes balanced."""
    w = np.where(T.kind[idx] == 'window', P['window'], 1.0)
    key = np.char.add(np.char.add(T.corpus[idx].astype(str), '|'), T.label[idx].astype(str))
    uniq, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
    w = w / np.sqrt(counts[inv])
    human = T.y[idx] == 0
    w = np.where(human & np.isin(T.writers[idx], ['k12-us', 'learner', 'university', 'adult-forum']),
                 w * P['student'], w)
    w = np.where((~human) & (T.ds[idx] == 'imitation'), w * P['imitation'], w)
    w = np.where((~human) & (T.fam[idx] == 'open-small'), w * P['openSmall'], w)
    pos = w[~human].sum()
    neg = w[human].sum()
    w = np.where(human, w * 0.5 / neg, w * 0.5 / pos)
    return w


def fit(T, X, n_style, exclude=None, hard_negatives=True, log=print, params=None):
    """Fits the linear detector. Returns folded weights (raw style values) and bias, plus style stats."""
    P = {**DEFAULTS, **(params or {})}
    idx = np.flatnonzero(train_mask(T, exclude))
    mean, std = style_stats(X, idx, n_style)
    Xs = standardise_style(X[idx], mean, std, n_style)
    if not P['skeleton']:
        keep = (Xs.indices < HASH_SIZE) | (Xs.indices >= STYLE_OFFSET)
        Xs.data[~keep] = 0.0
    y = T.y[idx]
    w = sample_weights(T, idx, P)
    coef, bias, res = fit_lbfgs(Xs, y, w, P['l2'], maxiter=P['iters'][0])
    log(f'  fit 1: {len(idx)} samples, {res.nit} iterations, loss {res.fun:.5f}')
    if hard_negatives and P['hardNegative'] != 1.0:
        # One round of hard-negative mining inside the training split: human samples the model still scores
        # above the 98th percentile of human training scores get extra weight (a Pangram-style loop).
        z = np.asarray(Xs @ coef.astype(np.float32)).ravel() + bias
        hz = z[y == 0]
        q = np.quantile(hz, 0.98)
        hard = (y == 0) & (z > q)
        w2 = np.where(hard, w * P['hardNegative'], w)
        # keep the classes balanced after re-weighting
        w2 = np.where(y == 0, w2 * 0.5 / w2[y == 0].sum(), w2 * 0.5 / w2[y == 1].sum())
        coef, bias, res = fit_lbfgs(Xs, y, w2, P['l2'], w0=np.r_[coef, bias], maxiter=P['iters'][1])
        log(f'  fit 2 (hard negatives: {int(hard.sum())}): {res.nit} iterations, loss {res.fun:.5f}')
    wf, bf = fold_style(coef, bias, mean, std)
    return wf, bf, mean, std, idx


def conformal(scores, alpha):
    """Flag when score > t; at most floor(alpha (n+1)) of the n calibration scores exceed t."""
    s = np.sort(np.asarray(scores, dtype=np.float64))[::-1]
    if len(s) == 0:
        return -np.inf
    k = int(math.floor(alpha * (len(s) + 1)))
    if k < 1:
        return float(s[0]) + 1e-6
    return float(s[k - 1]) + 1e-9 if k < len(s) else float(s[-1])


def doc_rows(T, split, extra=None):
    m = (T.kind == 'doc') & (T.split == split) & (T.words >= LIMITED_EVIDENCE_WORDS)
    return m if extra is None else m & extra


def worst_group_threshold(T, z, rows_mask, alpha):
    """max over writer groups of each group's conformal (1 - alpha) threshold (groups with >= 30 texts)."""
    per = {}
    for g in WRITER_GROUPS:
        r = np.flatnonzero(rows_mask & (T.writers == g) & (T.label == 'human'))
        if len(r) >= 30:
            per[g] = (conformal(z[r], alpha), int(len(r)))
    t = max(v[0] for v in per.values())
    return t, per


def doc_max_window(T, z, rows_mask):
    """Per document (record id): the highest window logit, for 'any passage shaded' rates."""
    r = np.flatnonzero(rows_mask & (T.kind == 'window'))
    best = {}
    for i in r:
        k = T.rec[i]
        if k not in best or z[i] > best[k][0]:
            best[k] = (z[i], i)
    return best


def choose_thresholds(T, z, exclude=None, log=print):
    """Operating points from calibration-split humans of the training corpora: document thresholds at the
    worst writer group's 0.1% / 1% / 5% (conformal), passage 'likely AI' so that at most 1% of any group's
    documents get even one passage shaded. Returns a dict of logit thresholds."""
    keep = np.ones(T.n, dtype=bool) if exclude is None else ~exclude
    cal = doc_rows(T, 'calib', keep & T.trainable)
    out = {}
    for name, alpha in (('strict', 0.001), ('balanced', 0.01), ('sensitive', 0.05)):
        t, per = worst_group_threshold(T, z, cal, alpha)
        out[name] = {'logit': t, 'perGroup': {g: {'logit': v[0], 'n': v[1]} for g, v in per.items()}}
    out['uncertain'] = worst_group_threshold(T, z, cal, 0.10)[0]
    # passages: max window logit per calibration human document, worst group at 1%
    win_rows = (T.split == 'calib') & keep & T.trainable & (T.label == 'human')
    best = doc_max_window(T, z, win_rows)
    per = {}
    for g in WRITER_GROUPS:
        vals = [v for k, (v, i) in best.items() if T.writers[i] == g]
        if len(vals) >= 30:
            per[g] = (conformal(vals, 0.01), len(vals))
    out['passage'] = {'logit': max(v[0] for v in per.values()),
                      'perGroup': {g: {'logit': v[0], 'n': v[1]} for g, v in per.items()}}
    return out


def platt_balanced(z, y):
    """Platt scaling with the two classes weighted equally: the probability assumes half the texts are AI."""
    from sklearn.linear_model import LogisticRegression
    y = np.asarray(y)
    w = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum()))
    clf = LogisticRegression(C=100.0, solver='lbfgs', max_iter=1000)
    clf.fit(np.asarray(z).reshape(-1, 1), y, sample_weight=w * len(y))
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def rate(k, n):
    return {'k': int(k), 'n': int(n), 'rate': (k / n) if n else None, 'upper95': cp_upper(k, n) if n else None}


def human_tail(T, z, rows_mask, points=200):
    """Per writer group: sorted calibration logits (quantiles), so the app can say 'about 1 in N human texts
    of this kind score this high' without assuming any share of AI texts."""
    out = {}
    for g in WRITER_GROUPS:
        r = np.flatnonzero(rows_mask & (T.writers == g) & (T.label == 'human'))
        if len(r) < 30:
            continue
        s = np.sort(z[r])
        # the top of the distribution matters most: keep every one of the top 50 exactly, then quantiles
        top = s[-50:].tolist()
        qs = np.quantile(s[:-50], np.linspace(0, 1, points)).tolist() if len(s) > 50 else []
        out[g] = {'n': int(len(s)), 'quantiles': [round(v, 5) for v in qs], 'top': [round(v, 5) for v in top]}
    return out
