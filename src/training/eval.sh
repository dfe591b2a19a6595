#!/usr/bin/env bash
# npm run eval: full evaluation of the trained detector on the held-out splits, including
# leave-one-generator-family-out and leave-one-domain-out refits. Prints the tables and writes the metrics
# into resources/models/detector.card.json and detector.card.md. Needs the cache from `npm run train`.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE_DIR="${INKPRINT_CACHE_DIR:-.cache/training}"
PY="${INKPRINT_PYTHON:-/usr/bin/python3}"
if [ ! -f "$CACHE_DIR/scores.npz" ]; then
  echo "No training cache in $CACHE_DIR: run 'npm run train' first." >&2
  exit 1
fi
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/evaluate.py "$CACHE_DIR" resources/models "$@"
