#!/usr/bin/env bash
# Ablation: the same U-Net with the quantum bottleneck mixer vs a classical dense layer of the same
# width, 3 seeds each, on a shorter schedule than the shipped model (see MODEL_CARD.md), each model
# evaluated on Kvasir-SEG test and CVC-ClinicDB test. Writes models/ablation/<mixer>-seed<N>-<set>.json.
# All runs share one validation split (--split-seed 42); the seed varies the initial weights,
# batch order and augmentation.
# Usage: scripts/ablation.sh [epochs] [size]      (default 3 epochs at 96x96)
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-3}
SIZE=${2:-96}
DATA=${POLYPSEG_DATASETS:-../shared/datasets}
OUT=models/ablation
WORK=target/ablation
mkdir -p "$OUT" "$WORK"
# Run from a copy of the jar: a rebuild during the hour this takes must not break the runs.
[ -f target/polypseg.jar ] || ./polypseg build
cp target/polypseg.jar "$WORK/polypseg.jar"
export POLYPSEG_JAR="$PWD/$WORK/polypseg.jar"
for seed in 1 2 3; do
  for mixer in quantum classical; do
    name=$mixer-seed$seed
    if [ -f "$OUT/$name-cvc.json" ]; then echo "$name: done already"; continue; fi
    ./polypseg train --data "$DATA/TrainDataset" --out "$WORK/$name" --checkpoints "$WORK/$name-ckpt" \
      --split-seed 42 --cache "$WORK/cache" \
      --epochs "$EPOCHS" --size "$SIZE" --mixer "$mixer" --seed "$seed" > "$WORK/$name.log" 2>&1
    ./polypseg evaluate --model "$WORK/$name" --data "$DATA/TestDataset/Kvasir" --json "$OUT/$name-kvasir.json" > /dev/null 2>&1
    ./polypseg evaluate --model "$WORK/$name" --data "$DATA/TestDataset/CVC-ClinicDB" --json "$OUT/$name-cvc.json" > /dev/null 2>&1
    echo "$name: $(grep -m1 '"mDice"' "$OUT/$name-kvasir.json") (Kvasir) $(grep -m1 '"mDice"' "$OUT/$name-cvc.json") (CVC)"
  done
done

# Mean ± sample sd over the seeds, per mixer and test set: models/ablation/summary.json, and a
# Markdown table for MODEL_CARD.md on standard output.
jq -n '
  def stats: (length) as $n | (add / $n) as $m
    | {n: $n, mean: $m, sd: (if $n > 1 then ((map(. - $m | . * .) | add) / ($n - 1) | sqrt) else 0 end)};
  [inputs | {file: input_filename, mDice, diceAt05}]
  | map(. + (.file | capture("(?<mixer>[a-z]+)-seed(?<seed>[0-9]+)-(?<set>[a-z]+)\\.json$")))
  | group_by(.mixer + "/" + .set)
  | map({mixer: .[0].mixer, set: .[0].set, seeds: map(.seed | tonumber),
         mDice: (map(.mDice) | stats), diceAt05: (map(.diceAt05) | stats)})' \
  "$OUT"/*-seed*-kvasir.json "$OUT"/*-seed*-cvc.json > "$OUT/summary.json"
echo "| mixer | test set | seeds | mDice (mean ± sd) | Dice@0.5 (mean ± sd) |"
echo "|---|---|---|---|---|"
jq -r '.[] | "| \(.mixer) | \(if .set == "cvc" then "CVC-ClinicDB" else "Kvasir-SEG" end) | \(.seeds | map(tostring) | join(", ")) | \(.mDice.mean * 1000 | round / 1000) ± \(.mDice.sd * 1000 | round / 1000) | \(.diceAt05.mean * 1000 | round / 1000) ± \(.diceAt05.sd * 1000 | round / 1000) |"' \
  "$OUT/summary.json"
