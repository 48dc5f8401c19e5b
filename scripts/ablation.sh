#!/usr/bin/env bash
# Ablation of the bottleneck mixer: the same network with the quantum circuit, a classical dense
# layer of the same width, and no mixer at all (identity), 3 seeds each, each model evaluated on
# Kvasir-SEG test and CVC-ClinicDB test. All runs share one validation split (--split-seed 42); the
# seed varies the new layers' initial weights, batch order and augmentation.
# Writes models/ablation/<encoder>-<size>px-<epochs>ep/<mixer>-seed<N>-<set>.json and summary.json.
# Resumable: a finished run is skipped, an interrupted one continues from its checkpoint.
# Usage: scripts/ablation.sh [epochs] [size] [encoder]   (default: 10 epochs at 352², mobilenet_v2:
#        over a third of the shipped model's 28 epochs (20 + a warm restart of 8), at the shipped size)
#        MIXERS="quantum" and SEEDS="1" choose fewer runs, e.g. the pretrained vs from-scratch pair:
#        MIXERS=quantum SEEDS=1 scripts/ablation.sh 10 192 plain (and the same with mobilenet_v2)
#        PLACEMENTS="bottleneck decoder" adds the placement comparison (train --placement): a
#        decoder run is <mixer>-decoder-seed<N>-<set>.json, listed as mixer "<mixer>-decoder";
#        bottleneck runs keep their names. Mixer none has nothing to place and skips decoder, e.g.
#        PLACEMENTS="bottleneck decoder" MIXERS="quantum classical" scripts/ablation.sh 8 192 efficientnet_b0
#        CIRCUITS="2x2 8x2 4x1 4x4" sweeps the circuit's size (qubits x layers, train --qubits --layers)
#        for the quantum mixer: a run is quantum-q<Q>l<L>-seed<N>-<set>.json, listed as "quantum-q<Q>l<L>";
#        the default 4x2 keeps the plain names; the other mixers have no circuit and skip the sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-10}
SIZE=${2:-352}
ENCODER=${3:-mobilenet_v2}
MIXERS=${MIXERS:-quantum classical none}
PLACEMENTS=${PLACEMENTS:-bottleneck}
CIRCUITS=${CIRCUITS:-4x2}
SEEDS=${SEEDS:-1 2 3}
DATA=${POLYPSEG_DATASETS:-../shared/datasets}
OUT=models/ablation/$ENCODER-${SIZE}px-${EPOCHS}ep
WORK=target/ablation/$ENCODER-${SIZE}px-${EPOCHS}ep
mkdir -p "$OUT" "$WORK"
# Run from a copy of the jar: a rebuild during the hours this takes must not break the runs.
[ -f target/polypseg.jar ] || ./polypseg build
[ -f "$WORK/polypseg.jar" ] || cp target/polypseg.jar "$WORK/polypseg.jar"
export POLYPSEG_JAR="$PWD/$WORK/polypseg.jar"
# (grep -c reads all of unzip's list: grep -q would stop early, and pipefail would fail unzip's pipe)
if [ "$PLACEMENTS" != bottleneck ] && ! unzip -l "$POLYPSEG_JAR" | grep -c 'model/CircuitPlacement.class' > /dev/null; then
  echo "$POLYPSEG_JAR predates train --placement: remove it (the next run copies target/polypseg.jar)" >&2
  exit 2
fi
for seed in $SEEDS; do
  for placement in $PLACEMENTS; do
  for circuit in $CIRCUITS; do
  for mixer in $MIXERS; do
    # Bottleneck runs of the default circuit keep the names and the command they had before
    # placement and the sweep existed.
    placed=()
    if [ "$placement" = bottleneck ]; then
      name=$mixer
    elif [ "$mixer" = none ]; then
      continue
    else
      name=$mixer-$placement
      placed=(--placement "$placement")
    fi
    if [ "$circuit" != 4x2 ]; then
      [ "$mixer" = quantum ] || continue
      qubits=${circuit%x*} layers=${circuit#*x}
      name=$name-q${qubits}l$layers
      placed+=(--qubits "$qubits" --layers "$layers")
    fi
    name=$name-seed$seed
    if [ -f "$OUT/$name-cvc.json" ]; then echo "$name: done already"; continue; fi
    resume=(); [ -f "$WORK/$name-ckpt/state.json" ] && resume=(--resume)
    ./polypseg train --data "$DATA/TrainDataset" --out "$WORK/$name" --checkpoints "$WORK/$name-ckpt" \
      --split-seed 42 --cache "target/ablation/cache" --encoder "$ENCODER" \
      --epochs "$EPOCHS" --size "$SIZE" --mixer "$mixer" --seed "$seed" "${placed[@]}" \
      "${resume[@]}" > "$WORK/$name.log" 2>&1
    ./polypseg evaluate --model "$WORK/$name" --data "$DATA/TestDataset/Kvasir" --json "$OUT/$name-kvasir.json" > /dev/null 2>&1
    ./polypseg evaluate --model "$WORK/$name" --data "$DATA/TestDataset/CVC-ClinicDB" --json "$OUT/$name-cvc.json" > /dev/null 2>&1
    cp "$WORK/$name/training_curves.csv" "$OUT/$name-training_curves.csv"
    echo "$name: $(grep -m1 '"mDice"' "$OUT/$name-kvasir.json") (Kvasir) $(grep -m1 '"mDice"' "$OUT/$name-cvc.json") (CVC)"
  done
  done
  done
done

# Mean ± sample sd over the seeds, per mixer (a decoder-placed run as "<mixer>-decoder", a swept
# circuit as "quantum-q<Q>l<L>") and test
# set: summary.json, and a Markdown table for MODEL_CARD.md on standard output.
jq -n '
  def stats: (length) as $n | (add / $n) as $m
    | {n: $n, mean: $m, sd: (if $n > 1 then ((map(. - $m | . * .) | add) / ($n - 1) | sqrt) else 0 end)};
  [inputs | {file: input_filename, mDice, diceAt05}]
  | map(. + (.file | capture("(?<mixer>[a-z]+(-decoder)?(-q[0-9]+l[0-9]+)?)-seed(?<seed>[0-9]+)-(?<set>[a-z]+)\\.json$")))
  | group_by(.mixer + "/" + .set)
  | map({mixer: .[0].mixer, set: .[0].set, seeds: map(.seed | tonumber),
         mDice: (map(.mDice) | stats), diceAt05: (map(.diceAt05) | stats)})' \
  "$OUT"/*-seed*-kvasir.json "$OUT"/*-seed*-cvc.json > "$OUT/summary.json"
echo "| mixer | test set | seeds | mDice (mean ± sd) | Dice@0.5 (mean ± sd) |"
echo "|---|---|---|---|---|"
jq -r '.[] | "| \(.mixer) | \(if .set == "cvc" then "CVC-ClinicDB" else "Kvasir-SEG" end) | \(.seeds | map(tostring) | join(", ")) | \(.mDice.mean * 1000 | round / 1000) ± \(.mDice.sd * 1000 | round / 1000) | \(.diceAt05.mean * 1000 | round / 1000) ± \(.diceAt05.sd * 1000 | round / 1000) |"' \
  "$OUT/summary.json"

# Do the mixers differ by more than the seeds' spread? Welch's t (and its degrees of freedom) for
# each pair of mixers on each test set, from summary.json; only where both have 2 or more seeds.
jq -r '
  group_by(.set)[] | . as $rows | [range(0; length) as $i | range($i + 1; length) as $j | [$rows[$i], $rows[$j]]][]
  | select(.[0].mDice.n > 1 and .[1].mDice.n > 1)
  | (.[0].mDice.sd * .[0].mDice.sd / .[0].mDice.n) as $va | (.[1].mDice.sd * .[1].mDice.sd / .[1].mDice.n) as $vb
  | "\(.[0].set): \(.[0].mixer) - \(.[1].mixer) = \((.[0].mDice.mean - .[1].mDice.mean) * 1000 | round / 1000) mDice, Welch t \((.[0].mDice.mean - .[1].mDice.mean) / (($va + $vb) | sqrt) * 100 | round / 100), df \((($va + $vb) * ($va + $vb) / ($va * $va / (.[0].mDice.n - 1) + $vb * $vb / (.[1].mDice.n - 1))) * 10 | round / 10)"' \
  "$OUT/summary.json"
