#!/usr/bin/env bash
# Measures the shipped model: PraNet-protocol evaluation on Kvasir-SEG test (100) and CVC-ClinicDB
# test (62), and the benchmark. Writes models/eval/{kvasir,cvc}.json and models/eval/benchmark.json,
# the figures MODEL_CARD.md and README.md quote.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${POLYPSEG_DATASETS:-../shared/datasets}
mkdir -p models/eval
./polypseg evaluate --data "$DATA/TestDataset/Kvasir" --json models/eval/kvasir.json
./polypseg evaluate --data "$DATA/TestDataset/CVC-ClinicDB" --json models/eval/cvc.json
./polypseg benchmark --json models/eval/benchmark.json
