#!/usr/bin/env bash
# npm run train: featurise the shared datasets and our imitation corpus with the app's TypeScript featurizer,
# then fit, calibrate and export detector v2 (resources/models/detector.onnx + detector.card.json) and the
# golden vectors. Deterministic: fixed split seed (dataset-records.ts), L-BFGS from zero, no random sampling
# in Python. `INKPRINT_SKIP_FEATURIZE=1` reuses the shared-data cache (only the imitation corpus is redone).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR="${INKPRINT_DATA_DIR:-../shared/data}"
CACHE_DIR="${INKPRINT_CACHE_DIR:-.cache/training}"
PY="${INKPRINT_PYTHON:-/usr/bin/python3}"
bash src/training/python-deps.sh "$PY"
start=$(date +%s)
python3 data/imitation/build.py
if [ "${INKPRINT_SKIP_FEATURIZE:-}" != "1" ] || [ ! -f "$CACHE_DIR/samples.jsonl" ]; then
  echo "== featurise shared datasets ($DATA_DIR -> $CACHE_DIR)"
  npx tsx src/training/featurize-dataset.ts "$DATA_DIR" "$CACHE_DIR"
fi
echo "== featurise the imitation corpus (data/imitation -> $CACHE_DIR/imitation)"
npx tsx src/training/featurize-dataset.ts "$DATA_DIR" "$CACHE_DIR/imitation" imitation
echo "== fit, calibrate, export"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/train.py "$CACHE_DIR" resources/models \
  test/unit/engine/detector/golden/featurizer-golden.json
npx prettier --write test/unit/engine/detector/golden/featurizer-golden.json > /dev/null
echo "== in-distribution evaluation (no refits; run 'npm run eval' for the cross-corpus card)"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/training/evaluate.py "$CACHE_DIR" resources/models --no-refits > /dev/null
echo "== done in $(( $(date +%s) - start )) s"
