"""Hard-negative mining for the next round of mirrors: the human texts the shipped model still scores highest.

Only the train and calibration splits are mined (never the test split, never the audit set), and only
documents of 150+ words. Each line of the output names one human text a writer should mirror next (same task,
topic, length and register), with the corpus, the model's logit and how far above the default threshold it is.
Usage: /usr/bin/python3 src/training/mine_mirrors.py .cache/training resources/models data/imitation/next-mirrors.jsonl [N=200]
"""
import json
import os
import sys

import numpy as np

from detlib import load_cache
import v2

cache_dir, model_dir, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
top_n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
meta, _, _ = load_cache(cache_dir, [os.path.join(cache_dir, 'imitation')])
T = v2.Table(meta)
z = np.load(os.path.join(cache_dir, 'scores.npz'))['z']
card = json.load(open(os.path.join(model_dir, 'detector.card.json')))
assert len(z) == T.n, 'scores.npz does not match the cache: rerun npm run train'
t_bal = next(o['logit'] for o in card['operatingPoints'] if o['name'] == 'balanced')
rows = np.flatnonzero((T.kind == 'doc') & (T.label == 'human') & np.isin(T.split, ['train', 'calib'])
                      & (T.words >= v2.LIMITED_EVIDENCE_WORDS) & (T.ds != 'imitation'))
order = rows[np.argsort(-z[rows])][:top_n]
with open(out_path, 'w') as f:
    for i in order:
        m = meta[i]
        f.write(json.dumps({'record': m['rec'], 'corpus': m['corpus'], 'writers': m['writers'], 'domain': m['domain'],
                            'words': int(m['words']), 'split': m['split'], 'logit': round(float(z[i]), 3),
                            'aboveBalanced': round(float(z[i] - t_bal), 3)}) + '\n')
above = int((z[rows] > t_bal).sum())
by = {}
for i in order:
    by[meta[i]['corpus']] = by.get(meta[i]['corpus'], 0) + 1
print(f'{above} of {len(rows)} train/calibration human documents score above the balanced threshold; '
      f'top {len(order)} written to {out_path} by corpus: {by}')
