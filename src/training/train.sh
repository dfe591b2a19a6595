#!/usr/bin/env bash
# npm run train: featurise the shared datasets with the app's TypeScript featurizer, then fit, calibrate
# and export the detector (resources/models/detector.onnx + detector.card.json) and the golden vectors.
# Deterministic: fixed split seed (dataset-records.ts), liblinear, no random subsampling in Python.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR="${INKPRINT_DATA_DIR:-../shared/data}"
CACHE_DIR="${INKPRINT_CACHE_DIR:-.cache/training}"
PY="${INKPRINT_PYTHON:-/usr/bin/python3}"
start=$(date +%s)
echo "== featurise ($DATA_DIR -> $CACHE_DIR)"
npx tsx src/training/featurize-dataset.ts "$DATA_DIR" "$CACHE_DIR"
echo "== fit, calibrate, export"
# One BLAS thread: the machine is shared and liblinear does not benefit.
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/train.py "$CACHE_DIR" resources/models \
  test/unit/detector/golden/featurizer-golden.json
npx prettier --write test/unit/detector/golden/featurizer-golden.json > /dev/null
echo "== quick evaluation (no refits; run 'npm run eval' for the full card)"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/evaluate.py "$CACHE_DIR" resources/models --no-refits > /dev/null
echo "== done in $(( $(date +%s) - start )) s"
