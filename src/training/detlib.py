"""Shared helpers for train.py / evaluate.py: loading the TS-written sparse cache, fitting, metrics.

The feature vectors come ONLY from the TypeScript featurizer (src/engine/detector/featurize.ts) via
src/training/featurize-dataset.ts; nothing here re-implements featurisation.
"""
import json
import math
import os

import numpy as np
import scipy.sparse as sp
from scipy.stats import beta
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

SEED = 20261129
HASH_SIZE = 1 << 20


def load_cache(cache_dir):
    meta = [json.loads(l) for l in open(os.path.join(cache_dir, 'samples.jsonl'))]
    idx = np.fromfile(os.path.join(cache_dir, 'indices.bin'), dtype='<i4')
    val = np.fromfile(os.path.join(cache_dir, 'values.bin'), dtype='<f4')
    indptr = np.zeros(len(meta) + 1, dtype=np.int64)
    for i, m in enumerate(meta):
        indptr[i + 1] = m['offset'] + m['nnz']
    n_style = len(json.load(open(os.path.join(cache_dir, 'featurizer.json')))['styleFeatures'])
    X = sp.csr_matrix((val, idx, indptr), shape=(len(meta), HASH_SIZE + n_style))
    return meta, X, n_style


def rows(meta, pred):
    return np.array([i for i, m in enumerate(meta) if pred(m)], dtype=np.int64)


def style_stats(X, train_rows, n_style):
    S = X[train_rows][:, HASH_SIZE:].toarray().astype(np.float64)
    mean = S.mean(axis=0)
    std = S.std(axis=0) + 1e-6
    return mean, std


def standardise_style(X, mean, std, n_style, drop_style=False):
    """Returns a copy with style columns standardised (or zeroed for the no-style baseline)."""
    X = X.copy()
    X.data = X.data.astype(np.float32)
    cols = X.indices
    mask = cols >= HASH_SIZE
    j = cols[mask] - HASH_SIZE
    if drop_style:
        X.data[mask] = 0.0
    else:
        X.data[mask] = ((X.data[mask] - mean[j]) / std[j]).astype(np.float32)
    return X


def fit_lr(X, y, w, C, tol=1e-4):
    clf = LogisticRegression(C=C, solver='liblinear', max_iter=200, random_state=SEED, tol=tol)
    clf.fit(X, y, sample_weight=w)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


def fold_style(coef, bias, mean, std):
    """Folds standardisation into weights so the model takes the featurizer's raw style values."""
    w = coef.copy()
    s = w[HASH_SIZE:] / std
    b = bias - float(np.sum(s * mean))
    w[HASH_SIZE:] = s
    return w, b


def logits(X, w, b):
    return np.asarray(X @ w).ravel() + b


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def platt(z, y):
    """1-D logistic fit of labels on logit (weakly regularised)."""
    clf = LogisticRegression(C=100.0, solver='lbfgs', max_iter=1000)
    clf.fit(np.asarray(z).reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def platt_cov(z, a, b):
    """Covariance of the Platt parameters (a, b): inverse Fisher information of the 1-D logistic fit."""
    z = np.asarray(z, dtype=np.float64)
    p = sigmoid(a * z + b)
    wgt = p * (1 - p)
    H = np.array([[np.sum(wgt * z * z), np.sum(wgt * z)], [np.sum(wgt * z), np.sum(wgt)]]) + 1e-9 * np.eye(2)
    return np.linalg.inv(H).tolist()


def ece(p, y, bins=10):
    p = np.asarray(p)
    y = np.asarray(y)
    total = 0.0
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        sel = (p >= lo) & ((p < hi) if k < bins - 1 else (p <= hi))
        if sel.sum() > 0:
            total += sel.sum() / len(p) * abs(p[sel].mean() - y[sel].mean())
    return float(total)


def auroc(scores, y):
    y = np.asarray(y)
    if len(set(y.tolist())) < 2:
        return float('nan')
    return float(roc_auc_score(y, scores))


def cp_upper(k, n, conf=0.95):
    """One-sided 95% Clopper-Pearson upper bound on a rate k/n."""
    if n == 0:
        return float('nan')
    if k >= n:
        return 1.0
    return float(beta.ppf(conf, k + 1, n - k))


def threshold_at_fpr(human_scores, alpha):
    """Conformal-style threshold: flag when score > t; at most floor(alpha*(n+1)) calibration humans exceed t."""
    s = np.sort(np.asarray(human_scores))[::-1]
    k = int(math.floor(alpha * (len(s) + 1)))
    if k < 1:
        return float(s[0]) + 1e-6
    return float(s[k - 1]) + 1e-9 if k < len(s) else float(s[-1])


def tpr_at(scores_ai, t):
    s = np.asarray(scores_ai)
    return float((s > t).mean()) if len(s) else float('nan')


def fpr_at(scores_h, t):
    s = np.asarray(scores_h)
    k = int((s > t).sum())
    return k, len(s)
