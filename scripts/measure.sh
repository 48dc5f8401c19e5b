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
# The machine-readable twin of the card's test figures, read by the reports and the model page.
command -v jq >/dev/null || { echo "jq is needed to write models/metrics.json: sudo apt-get install jq" >&2; exit 1; }
jq -n --slurpfile k models/eval/kvasir.json --slurpfile c models/eval/cvc.json \
  '{protocol: "PraNet eval/main.m + Fmeasure_calu.m: truth = mask > 128, 8-bit map min-max normalised, 256 thresholds with >=, Dice/IoU 0 without overlap, mean over thresholds of the mean over images",
    testSets: {"Kvasir-SEG": ($k[0] | del(.perImage)), "CVC-ClinicDB": ($c[0] | del(.perImage))}}' \
  > models/metrics.json
echo "wrote models/metrics.json"
