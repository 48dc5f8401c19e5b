#!/usr/bin/env bash
# Does fine-tuning under shots or noise win back what they cost? The shipped model is fine-tuned for
# BATCHES batches of 8 (default 40, a quarter of an epoch: what 2 shared cores allow; 0 = a whole
# epoch), peak learning rate 1e-4 with warm-up, seed 1, the shipped validation split, three ways:
# exactly (the control: what the extra training does by itself), with 128 shots, and with
# depolarising noise 0.05 per gate. Each is evaluated on Kvasir-SEG test and CVC-ClinicDB test run
# the way it was trained. Writes models/eval/circuit-finetune/<run>-<set>.json and summary.md, whose
# differences are from the exact control (compare the shipped model's, models/eval/circuit-cost/).
# Usage: scripts/circuit-finetune.sh [model folder]   (default: models/); POLYPSEG as in
#        scripts/circuit-cost.sh. BATCHES=0 for whole epochs (about 25 min each on 2 idle cores).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:-models}
DATASETS=${POLYPSEG_DATASETS:-../shared/datasets}
OUT=${OUT:-$MODEL/eval/circuit-finetune}
BATCHES=${BATCHES:-40}
WORK=target/circuit-finetune
read -r -a RUN <<< "${POLYPSEG:-./polypseg}"
mkdir -p "$OUT" "$WORK"
runs=(
  "exact|"
  "shots-128|--shots 128"
  "depol-0.05|--depolarizing 0.05"
)
for entry in "${runs[@]}"; do
  name=${entry%%|*}
  read -r -a options <<< "${entry#*|}"
  if [ ! -f "$WORK/$name.done" ]; then
    "${RUN[@]}" train --from "$MODEL" --data "$DATASETS/TrainDataset" --out "$WORK/$name" \
      --checkpoints "$WORK/$name-ckpt" --cache "$WORK/cache" --split-seed 42 --seed 1 \
      --epochs 1 --max-batches "$BATCHES" --lr 0.0001 "${options[@]}" > "$WORK/$name.log" 2>&1
    touch "$WORK/$name.done"
  fi
  for set in Kvasir:kvasir CVC-ClinicDB:cvc; do
    file="$OUT/$name-${set#*:}.json"
    [ -f "$file" ] && continue
    "${RUN[@]}" evaluate --model "$WORK/$name" --data "$DATASETS/TestDataset/${set%%:*}" \
      "${options[@]}" --json "$file" > /dev/null 2>&1
  done
  echo "$name: $(grep -m1 'epoch 1/1' "$WORK/$name.log"); Kvasir $(jq .mDice "$OUT/$name-kvasir.json"), CVC-ClinicDB $(jq .mDice "$OUT/$name-cvc.json")"
done
"${RUN[@]}" circuit --cost "$OUT" --cost-chart "$WORK/circuit-finetune.png"
