"""Variant selection for detector v2 on VALIDATION data only: each variant is fitted on the train split and
judged on the calibration split (never the test split, never a held-out corpus). Metric: share of calibration
AI texts written like student work (essay genres, our imitation corpus) caught at the worst writer group's 1%
threshold, with the 'any passage' rate of calibration human documents beside it.
Usage: /usr/bin/python3 src/training/experiments.py <cacheDir> NAME=JSON-params ...
"""
import json
import os
import sys
import time

import numpy as np

from detlib import auroc, load_cache, logits
import v2

cache_dir = sys.argv[1]
variants = [(a.split('=', 1)[0], json.loads(a.split('=', 1)[1])) for a in sys.argv[2:]]
meta, X, n_style = load_cache(cache_dir, [os.path.join(cache_dir, 'imitation')])
T = v2.Table(meta)
DOC = (T.kind == 'doc') & (T.words >= v2.LIMITED_EVIDENCE_WORDS)
cal_ai = np.flatnonzero(DOC & (T.split == 'calib') & (T.label == 'ai') & T.trainable
                        & np.isin(T.domain, ['essay', 'reading-response', 'narrative', 'summary', 'letter',
                                             'university-paper']) | (DOC & (T.split == 'calib') & (T.ds == 'imitation') & (T.label == 'ai')))
cal_imit = cal_ai[T.ds[cal_ai] == 'imitation']
cal_h = np.flatnonzero(DOC & (T.split == 'calib') & (T.label == 'human') & T.trainable)
for name, params in variants:
    t = time.time()
    w, b, *_ = v2.fit(T, X, n_style, params=params, log=lambda s: None)
    z = logits(X, w, b)
    th = v2.choose_thresholds(T, z)
    tb = th['balanced']['logit']
    res = {'essayTpr': round(float((z[cal_ai] > tb).mean()), 4), 'imitationTpr': round(float((z[cal_imit] > tb).mean()), 4),
           'auroc': round(auroc(np.r_[z[cal_h], z[cal_ai]], np.r_[np.zeros(len(cal_h)), np.ones(len(cal_ai))]), 4),
           'nAi': int(len(cal_ai)), 'nImit': int(len(cal_imit)), 'seconds': round(time.time() - t)}
    print(name, json.dumps(params), json.dumps(res), flush=True)
