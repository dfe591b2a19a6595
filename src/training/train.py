"""Fits the detector on the TS-featurised cache, calibrates it, picks operating points, exports ONNX + card.

Usage: /usr/bin/python3 src/training/train.py <cacheDir> <modelDir> <goldenOut>
Deterministic: liblinear with a fixed seed, fixed split (made in TS), no random subsampling here.
"""
import datetime
import hashlib
import json
import os
import sys
import time

import numpy as np

from detlib import (HASH_SIZE, auroc, cp_upper, fit_lr, fold_style, load_cache, logits, platt, platt_cov, rows,
                    sigmoid, standardise_style, style_stats, threshold_at_fpr)
from eval_passages import viterbi
from export_onnx import export_linear_onnx

cache_dir, model_dir, golden_out = sys.argv[1], sys.argv[2], sys.argv[3]
C_MAIN = float(os.environ.get('DETECTOR_C', '1.0'))
STUDENT_HUMAN_WEIGHT = float(os.environ.get('DETECTOR_STUDENT_WEIGHT', '4.0'))  # hard-negative emphasis: false accusations of students are the costly error
WINDOW_WEIGHT = 0.5
t0 = time.time()


def log(msg):
    print(f'[train {time.time() - t0:6.1f}s] {msg}', flush=True)


meta, X, n_style = load_cache(cache_dir)
feat_cfg = json.load(open(os.path.join(cache_dir, 'featurizer.json')))
y_all = np.array([1 if m['label'] == 'ai' else 0 for m in meta])
log(f'loaded {len(meta)} samples, nnz {X.nnz}')


def is_pure(m):
    return m['label'] in ('human', 'ai')


def train_weights(idx):
    """Classes balanced globally; human student essays weighted extra (false accusations are the costly error).
    Per-source balancing was tried and raised the IELTS false-positive rate (1.1% -> 4.3%), so it is not used."""
    y = y_all[idx]
    pos = y.mean()
    w = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))
    w *= np.array([STUDENT_HUMAN_WEIGHT if meta[i].get('student') else 1.0 for i in idx])
    w *= np.array([WINDOW_WEIGHT if meta[i]['kind'] == 'window' else 1.0 for i in idx])
    return w


# ---- main model: hashed n-grams + style, trained on whole documents and ~110-word windows ----
train_idx = rows(meta, lambda m: m['split'] == 'train' and m.get('trainable') and is_pure(m)
                 and m['kind'] in ('doc', 'window'))
mean, std = style_stats(X, train_idx, n_style)
coef, bias = fit_lr(standardise_style(X[train_idx], mean, std, n_style), y_all[train_idx], train_weights(train_idx), C_MAIN)
w, b = fold_style(coef, bias, mean, std)
w32 = w.astype(np.float32)
b32 = np.float32(b)
log(f'main model fitted on {len(train_idx)} samples (C={C_MAIN})')
z_all = logits(X, w32.astype(np.float64), float(b32))

# ---- reference baseline: hashed char 3-5 + word 1-2 grams, plain LR (C=1), documents only, no style ----
base_idx = rows(meta, lambda m: m['split'] == 'train' and m.get('trainable') and is_pure(m) and m['kind'] == 'doc')
yb = y_all[base_idx]
wb_s = np.where(yb == 1, 0.5 / yb.mean(), 0.5 / (1 - yb.mean()))
cb, bb = fit_lr(standardise_style(X[base_idx], mean, std, n_style, drop_style=True), yb, wb_s, 1.0)
cb[HASH_SIZE:] = 0.0
zb_all = logits(X, cb, bb)
log('baseline fitted')

# ---- calibration (Platt) on the calibration split: documents and passages separately ----
def sel(pred):
    return rows(meta, pred)


cal_doc = sel(lambda m: m['split'] == 'calib' and m.get('trainable') and is_pure(m) and m['kind'] == 'doc'
              and m['domain'] == 'essay')
cal_win = sel(lambda m: m['split'] == 'calib' and m.get('trainable') and is_pure(m) and m['kind'] == 'window'
              and m['domain'] == 'essay')
a_doc, c_doc = platt(z_all[cal_doc], y_all[cal_doc])
a_pas, c_pas = platt(z_all[cal_win], y_all[cal_win])
cov_doc = platt_cov(z_all[cal_doc], a_doc, c_doc)
cov_pas = platt_cov(z_all[cal_win], a_pas, c_pas)
p_doc = sigmoid(a_doc * z_all + c_doc)
p_pas = sigmoid(a_pas * z_all + c_pas)

# ---- operating points: thresholds on calib human STUDENT essays, achieved FPR on test student essays ----
cal_h = sel(lambda m: m['split'] == 'calib' and m.get('student') and m['kind'] == 'doc')
test_h = sel(lambda m: m['split'] == 'test' and m.get('student') and m['kind'] == 'doc')
ops = []
for name, alpha in (('strict', 0.001), ('balanced', 0.01), ('sensitive', 0.05)):
    t = threshold_at_fpr(p_doc[cal_h], alpha)
    k = int((p_doc[test_h] > t).sum())
    ops.append({'name': name, 'targetFpr': alpha, 'threshold': t, 'fpr': k / len(test_h),
                'fprUpper': cp_upper(k, len(test_h)),
                'measuredOn': f'held-out human student essays (test split, n={len(test_h)}; threshold set on '
                              f'calibration split, n={len(cal_h)})'})
uncertain_floor = threshold_at_fpr(p_doc[cal_h], 0.10)
log('operating points: ' + ', '.join(f"{o['name']} t={o['threshold']:.4f} fpr={o['fpr']:.4f}" for o in ops))

# ---- passage label thresholds: likely-AI at 2% FPR on calib student windows; likely-human below the
#      10th percentile of AI windows (capped by the AI threshold) ----
cal_hw = sel(lambda m: m['split'] == 'calib' and m['kind'] == 'window' and m['domain'] == 'essay'
             and m['label'] == 'human')
cal_aw = sel(lambda m: m['split'] == 'calib' and m['kind'] == 'window' and m['domain'] == 'essay'
             and m['label'] == 'ai' and m['attack'] == 'none')
t_ai = threshold_at_fpr(p_pas[cal_hw], 0.02)
t_human = min(float(np.quantile(p_pas[cal_aw], 0.10)), t_ai)

# ---- too short: smallest prefix length whose AUROC on held-out essays reaches 0.90 ----
trunc_auc = {}
for n in (15, 30, 50, 80, 120, 200):
    idx = sel(lambda m, n=n: m['kind'] == 'trunc' and m.get('truncWords') == n)
    if len(idx):
        trunc_auc[n] = auroc(z_all[idx], y_all[idx])
too_short = next((n for n in sorted(trunc_auc) if trunc_auc[n] >= 0.90), 80)
too_short = max(too_short, 30)
log(f'too short below {too_short} words; prefix AUROC {trunc_auc}')

# ---- HMM switch probability: the value that segments calibration-split spliced essays best ----
def splice_accuracy(switch):
    docs = {}
    for i, m in enumerate(meta):
        if m['kind'] == 'splice-passage' and m['split'] == 'calib':
            docs.setdefault(m['doc'], []).append((m['pos'], i))
    right = total = 0
    for items in docs.values():
        idx = [i for _, i in sorted(items)]
        probs = [None if meta[i]['words'] < too_short else float(p_pas[i]) for i in idx]
        path = viterbi(probs, switch)
        right += sum(int(st == (meta[i]['truth'] == 'ai')) for st, i in zip(path, idx))
        total += len(idx)
    return right / max(1, total)


switch_acc = {sw: splice_accuracy(sw) for sw in (0.02, 0.05, 0.1, 0.2, 0.3, 0.45)}
switch_best = max(switch_acc, key=lambda k: (switch_acc[k], -k))
log(f'HMM switch probability {switch_best} (calibration splice accuracy {switch_acc})')

# ---- reference statistics of human student essays for plain-language style observations ----
# Passage-sized windows, because observations are shown per passage and several features depend on length.
train_h = sel(lambda m: m['split'] == 'train' and m['kind'] == 'window' and m['label'] == 'human' and m['domain'] == 'essay')
train_a = sel(lambda m: m['split'] == 'train' and m['kind'] == 'window' and m['label'] == 'ai' and m['domain'] == 'essay')
S_h = X[train_h][:, HASH_SIZE:].toarray()
S_a = X[train_a][:, HASH_SIZE:].toarray()
style_ref = {}
for j, name in enumerate(feat_cfg['styleFeatures']):
    style_ref[name] = {
        'humanMean': float(S_h[:, j].mean()), 'humanStd': float(S_h[:, j].std() + 1e-9),
        'humanP10': float(np.quantile(S_h[:, j], 0.1)), 'humanP90': float(np.quantile(S_h[:, j], 0.9)),
        'aiMean': float(S_a[:, j].mean()), 'weight': float(w32[HASH_SIZE + j])}

# ---- export ----
os.makedirs(model_dir, exist_ok=True)
onnx_path = os.path.join(model_dir, 'detector.onnx')
export_linear_onnx(w32, b32, onnx_path)
sha = hashlib.sha256(open(onnx_path, 'rb').read()).hexdigest()
counts = {}
for i in train_idx:
    key = f"{meta[i]['ds']}/{meta[i]['label']}/{meta[i]['kind']}"
    counts[key] = counts.get(key, 0) + 1
card = {
    'name': 'inkprint-detector', 'version': '1.0.0',
    'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d'),
    'sha256': sha, 'onnxFile': 'detector.onnx', 'sizeBytes': os.path.getsize(onnx_path),
    'licence': 'Model weights: non-commercial educational use only (inherit CC BY-NC-SA 4.0 and '
               'unlicensed research data terms of the training sets). Application code is separate.',
    'featurizer': {**feat_cfg, 'normaliserVersion': 1},
    'model': {'type': 'logistic regression (liblinear, L2) on hashed n-grams + standardised style features '
                      '(standardisation folded into weights)', 'C': C_MAIN, 'bias': float(b32),
              'studentHumanWeight': STUDENT_HUMAN_WEIGHT, 'windowWeight': WINDOW_WEIGHT,
              'onnx': {'inputs': ['indices:int64[N]', 'values:float32[N]'],
                       'outputs': ['logit:float32[1]', 'contrib:float32[N]'], 'opset': 13},
              'trainingSamples': counts},
    'calibration': {'method': 'Platt scaling on the calibration split (essays)',
                    'document': {'a': a_doc, 'b': c_doc, 'n': int(len(cal_doc)), 'cov': cov_doc},
                    'passage': {'a': a_pas, 'b': c_pas, 'n': int(len(cal_win)), 'cov': cov_pas},
                    'interval': '90% interval from the Platt parameter covariance (inverse Fisher information)'},
    'operatingPoints': ops, 'defaultOperatingPoint': 'balanced', 'uncertainFloor': uncertain_floor,
    'tooShortWords': int(too_short), 'truncationAuroc': {str(k): v for k, v in trunc_auc.items()},
    'passageThresholds': {'likelyAi': t_ai, 'likelyHuman': t_human,
                          'note': 'likely-AI at 2% FPR on calibration student-essay windows; likely-human '
                                  'below the 10th percentile of AI windows'},
    'segmentation': {'method': 'two-state HMM (Viterbi) over calibrated passage log-odds', 'switchProbability': switch_best,
                     'calibrationAccuracy': {str(k): v for k, v in switch_acc.items()}},
    'language': {'method': 'English stop-word ratio', 'minStopwordRatio': 0.06, 'minWords': 20},
    'styleReference': style_ref,
    'datasets': json.load(open(os.path.join(os.path.dirname(__file__), 'datasets.json'))),
    'metrics': {}
}
json.dump(card, open(os.path.join(model_dir, 'detector.card.json'), 'w'), indent=2, allow_nan=False)
np.savez(os.path.join(cache_dir, 'scores.npz'), z=z_all, zb=zb_all, p_doc=p_doc, p_pas=p_pas,
         style_mean=mean, style_std=std)
log(f'exported {onnx_path} ({os.path.getsize(onnx_path)} bytes, sha256 {sha[:12]})')

# ---- golden vectors: exactly what training consumed for our own fixed texts, plus the model's logit ----
golden_texts = {g['name']: g['text'] for g in json.load(open(os.path.join(os.path.dirname(__file__), 'golden-texts.json')))}
golden = []
for i, m in enumerate(meta):
    if m['kind'] != 'golden':
        continue
    row = X[i]
    golden.append({'name': m['rec'], 'text': golden_texts[m['rec']], 'indices': row.indices.tolist(),
                   'values': [float(v) for v in row.data], 'logit': float(z_all[i]),
                   'docProbability': float(p_doc[i])})
os.makedirs(os.path.dirname(golden_out), exist_ok=True)
json.dump({'modelSha256': sha, 'cases': golden}, open(golden_out, 'w'))
log(f'golden vectors: {len(golden)} cases -> {golden_out}')
