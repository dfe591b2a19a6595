"""Shared helpers for train.py / evaluate.py: loading the TS-written sparse cache, fitting, metrics.

The feature vectors come ONLY from the TypeScript featurizer (src/engine/detector/featurize.ts) via
src/training/featurize-dataset.ts; nothing here re-implements featurisation.
"""
import json
import os

import numpy as np
import scipy.sparse as sp
from scipy.stats import beta
from sklearn.metrics import roc_auc_score

HASH_SIZE = 1 << 20          # char/word n-gram block
STYLE_OFFSET = HASH_SIZE + (1 << 18)  # after the skeleton block (featurizer v2); style features follow


def _load_one(cache_dir):
    meta = [json.loads(l) for l in open(os.path.join(cache_dir, 'samples.jsonl'))]
    idx = np.fromfile(os.path.join(cache_dir, 'indices.bin'), dtype='<i4')
    val = np.fromfile(os.path.join(cache_dir, 'values.bin'), dtype='<f4')
    indptr = np.zeros(len(meta) + 1, dtype=np.int64)
    for i, m in enumerate(meta):
        indptr[i + 1] = m['offset'] + m['nnz']
    cfg = json.load(open(os.path.join(cache_dir, 'featurizer.json')))
    assert cfg['styleOffset'] == STYLE_OFFSET, 'cache written by another featurizer version'
    n_style = len(cfg['styleFeatures'])
    X = sp.csr_matrix((val, idx, indptr), shape=(len(meta), STYLE_OFFSET + n_style))
    return meta, X, n_style


def load_cache(cache_dir, extra_dirs=()):
    """The main cache plus optional extra caches (e.g. the imitation corpus, featurised separately)."""
    meta, X, n_style = _load_one(cache_dir)
    for d in extra_dirs:
        if os.path.exists(os.path.join(d, 'samples.jsonl')):
            m2, X2, _ = _load_one(d)
            meta += m2
            X = sp.vstack([X, X2], format='csr')
    return meta, X, n_style



def style_stats(X, train_rows, n_style):
    S = X[train_rows][:, STYLE_OFFSET:].toarray().astype(np.float64)
    mean = S.mean(axis=0)
    std = S.std(axis=0) + 1e-6
    return mean, std


def standardise_style(X, mean, std, n_style, drop_style=False):
    """Returns a copy with style columns standardised (or zeroed for the no-style baseline)."""
    X = X.copy()
    X.data = X.data.astype(np.float32)
    cols = X.indices
    mask = cols >= STYLE_OFFSET
    j = cols[mask] - STYLE_OFFSET
    if drop_style:
        X.data[mask] = 0.0
    else:
        X.data[mask] = ((X.data[mask] - mean[j]) / std[j]).astype(np.float32)
    return X



def fit_lbfgs(X, y, w, l2, w0=None, maxiter=200, tol=1e-6):
    """Weighted L2 logistic regression by L-BFGS (deterministic; the intercept is not penalised).
    Loss = sum_i w_i * log(1 + exp(-s_i z_i)) / sum(w) + l2/2 * |coef|^2, s_i = +-1."""
    from scipy.optimize import minimize
    X = X.astype(np.float32) if X.dtype != np.float32 else X
    Xt = X.T.tocsr()
    y = np.asarray(y, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    w = w / w.sum()
    d = X.shape[1]

    def f(theta):
        coef, b = theta[:d], theta[d]
        z = np.asarray(X @ coef.astype(np.float32), dtype=np.float64) + b
        s = 2 * y - 1
        m = -s * z
        loss = np.sum(w * np.logaddexp(0, m)) + 0.5 * l2 * float(coef @ coef)
        r = w * (sigmoid(z) - y)
        g = np.empty(d + 1)
        g[:d] = np.asarray(Xt @ r.astype(np.float32), dtype=np.float64) + l2 * coef
        g[d] = r.sum()
        return loss, g

    theta0 = np.zeros(d + 1) if w0 is None else w0
    res = minimize(f, theta0, jac=True, method='L-BFGS-B', options={'maxiter': maxiter, 'gtol': tol, 'ftol': 1e-10})
    return res.x[:d].copy(), float(res.x[d]), res


def fold_style(coef, bias, mean, std):
    """Folds standardisation into weights so the model takes the featurizer's raw style values."""
    w = coef.copy()
    s = w[STYLE_OFFSET:] / std
    b = bias - float(np.sum(s * mean))
    w[STYLE_OFFSET:] = s
    return w, b


def logits(X, w, b):
    return np.asarray(X @ w).ravel() + b


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))



def platt_cov(z, a, b):
    """Covariance of the Platt parameters (a, b): inverse Fisher information of the 1-D logistic fit."""
    z = np.asarray(z, dtype=np.float64)
    p = sigmoid(a * z + b)
    wgt = p * (1 - p)
    H = np.array([[np.sum(wgt * z * z), np.sum(wgt * z)], [np.sum(wgt * z), np.sum(wgt)]]) + 1e-9 * np.eye(2)
    return np.linalg.inv(H).tolist()



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


