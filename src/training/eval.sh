#!/usr/bin/env bash
# npm run eval: the cross-corpus evaluation of detector v2 (leave-one-corpus-out, leave-one-generator-family-out,
# prompt-disjoint imitation folds, attacks left out; each a refit with frozen thresholds) plus in-distribution
# figures. Writes the metrics into resources/models/detector.card.json and renders detector.card.md.
# Needs the cache from `npm run train`. `-- --only NAME[,NAME]` reruns single refits; `-- --no-refits` skips them.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE_DIR="${INKPRINT_CACHE_DIR:-.cache/training}"
PY="${INKPRINT_PYTHON:-/usr/bin/python3}"
bash src/training/python-deps.sh "$PY"
if [ ! -f "$CACHE_DIR/scores.npz" ]; then
  echo "No training cache in $CACHE_DIR: run 'npm run train' first." >&2
  exit 1
fi
DATA_DIR="${INKPRINT_DATA_DIR:-../shared/data}"
npx tsx src/training/formatting-check.ts "$DATA_DIR" "$CACHE_DIR/formatting.json"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/evaluate.py "$CACHE_DIR" resources/models "$@"
