#!/usr/bin/env bash
# What running the circuit as a device would cost the shipped model: mDice on Kvasir-SEG test and
# CVC-ClinicDB test (PraNet protocol) with the exact circuit, with 8192, 1024, 128 and 16 shots,
# with depolarising noise of 0.001, 0.01 and 0.05 per gate, with read-out error 0.02, and as a
# device would run it (1024 shots, depolarising 0.01, read-out error 0.02). Noise without shots
# gives the noisy density matrix's exact expectations. Shots seeded (--circuit-seed 1). A model
# trained with --placement decoder runs every one of its circuits this way.
# Writes models/eval/circuit-cost/<run>-<set>.json and summary.md (the table), and the chart
# models/circuit_cost.png (beside the model card, which shows it).
# Usage: scripts/circuit-cost.sh [model folder]   (default: models/)
#        POLYPSEG="cmd" runs another launcher instead of ./polypseg (e.g. one without a jar).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-models}
DATA=${POLYPSEG_DATASETS:-../shared/datasets}/TestDataset
OUT=${OUT:-$MODEL/eval/circuit-cost}
read -r -a RUN <<< "${POLYPSEG:-./polypseg}"
mkdir -p "$OUT"
runs=(
  "exact|"
  "shots-8192|--shots 8192"
  "shots-1024|--shots 1024"
  "shots-128|--shots 128"
  "shots-16|--shots 16"
  "depol-0.001|--depolarizing 0.001"
  "depol-0.01|--depolarizing 0.01"
  "depol-0.05|--depolarizing 0.05"
  "readout-0.02|--readout-error 0.02"
  "device-1024shots-depol-0.01-readout-0.02|--shots 1024 --depolarizing 0.01 --readout-error 0.02"
)
for entry in "${runs[@]}"; do
  name=${entry%%|*}
  read -r -a options <<< "${entry#*|}"
  for set in Kvasir:kvasir CVC-ClinicDB:cvc; do
    file="$OUT/$name-${set#*:}.json"
    [ -f "$file" ] && continue
    "${RUN[@]}" evaluate --model "$MODEL" --data "$DATA/${set%%:*}" "${options[@]}" --json "$file" > /dev/null
  done
  echo "$name: Kvasir $(jq .mDice "$OUT/$name-kvasir.json"), CVC-ClinicDB $(jq .mDice "$OUT/$name-cvc.json")"
done
# The table (mDice, and each run's difference from the exact circuit with its paired standard
# error over the images) and the chart.
"${RUN[@]}" circuit --cost "$OUT" --cost-chart "$MODEL/circuit_cost.png"
