#!/usr/bin/env bash
# Installs the Python packages training needs from Debian (PyPI is not used): numpy, scipy, scikit-learn, onnx.
set -euo pipefail
PY="${1:-/usr/bin/python3}"
if "$PY" -c 'import numpy, scipy, sklearn, onnx' 2>/dev/null; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get > /dev/null; then
  echo "Training needs numpy, scipy, scikit-learn and onnx for $PY: apt-get install python3-sklearn python3-onnx" >&2
  exit 1
fi
echo "== apt-get install python3-sklearn python3-onnx (numpy, scipy come with them)"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-sklearn python3-onnx python3-scipy python3-numpy > /dev/null
