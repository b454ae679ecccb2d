#!/usr/bin/env bash
# Training-speed benchmark of the ML library against its peers, on the same CSV files.
#
# Builds `aips` in release mode, writes a synthetic binary problem (100,000 train + 100,000 test rows, 50 features,
# target `y`; bench/ml/make_data.py), fits each model with `aips ml train` (GBM: 100 trees, 31 leaves, learning
# rate 0.1, 2 threads), then runs LightGBM and scikit-learn on the same files if they are pip-installed
# (bench/ml/peers.py). Every run is repeated REPEATS times, alternating Swift and peers so both see the same load.
#
# DATASET=issue21 fits the second synthetic problem of issue #21 instead (100,000 train + 20,000 test rows, 50
# standard-normal features, smooth and interaction terms, no missing values; bench/ml/make_issue21.py); DATASET=mlb
# a feature matrix from real games (MLB 2014–2015 train, 2016 test, 20 features from lines and recent form, with
# missing values; bench/ml/make_real.py, ROWS ignored).
#
# Environment: MODELS (default "gbm"; any of gbm drf xrt glm), DATASET (default "bench"; or "issue21", "mlb"), ROWS (default
# 100000 training rows), REPEATS (default 3), THREADS (default 2), DATA (default /tmp/aips-ml-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

models=${MODELS:-gbm}
dataset=${DATASET:-bench}
rows=${ROWS:-100000}
repeats=${REPEATS:-3}
threads=${THREADS:-2}
data=${DATA:-/tmp/aips-ml-bench}

case "$dataset" in
bench)
    files="$data/$rows"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_data.py "$files" "$rows" 50 7
    ;;
issue21)
    files="$data/issue21-$rows"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_issue21.py "$files" "$rows" $((rows / 5)) 42
    ;;
mlb)
    files="$data/mlb"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_real.py "$files" ../shared/data/real/mlb-2014-2016.csv
    ;;
*)
    echo "unknown DATASET $dataset (bench, issue21 or mlb)" >&2
    exit 2
    ;;
esac
swift build -c release --product aips >/dev/null
export OMP_NUM_THREADS=$threads

for ((run = 1; run <= repeats; run++)); do
    echo "== run $run of $repeats ($dataset, $rows rows, $threads threads)"
    for model in $models; do
        .build/release/aips ml train --train "$files/train.csv" --test "$files/test.csv" --target y \
            --model "$model" --trees 100 --leaves 31 --learning-rate 0.1 --threads "$threads" |
            awk -v m="$model" '/^fit_seconds|^fit_cpu_seconds|^predict_seconds|^auc|^log_loss|^brier|^ece/ { line = line sprintf("  %s %s", $1, $2) }
                END { printf "%-28s%s\n", "aips " m, line }' | sed 's/://g'
    done
    if python3 -c 'import lightgbm' 2>/dev/null || python3 -c 'import sklearn' 2>/dev/null; then
        python3 bench/ml/peers.py "$files/train.csv" "$files/test.csv" y "$threads" "$(echo "$models" | tr ' ' ',')"
    else
        echo "(peers skipped: pip install lightgbm scikit-learn)"
    fi
done
