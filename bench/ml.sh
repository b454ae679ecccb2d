#!/usr/bin/env bash
# Training-speed benchmark of the ML library against its peers, on the same CSV files.
#
# Builds `aips` in release mode, writes a synthetic binary problem (100,000 train + 100,000 test rows, 50 features,
# target `y`; bench/ml/make_data.py), fits each model with `aips ml train` (GBM: 100 trees, 31 leaves, learning
# rate 0.1, 2 threads), then runs LightGBM and scikit-learn on the same files (bench/ml/peers.py; installed from
# PyPI into .build/reference-venv on first use, BENCH_REFERENCE=0 skips them). Every run is repeated REPEATS times, alternating Swift and peers so both see the same load.
#
# DATASET=issue21 fits the second synthetic problem of issue #21 instead (100,000 train + 20,000 test rows, 50
# standard-normal features, smooth and interaction terms, no missing values; bench/ml/make_issue21.py); DATASET=mlb
# a feature matrix from real games (MLB 2014–2015 train, 2016 test, 20 features from lines and recent form, with
# missing values; bench/ml/make_real.py, ROWS ignored); DATASET=missing issue #21's problem with 20% of f0-f9 missing,
# f0-f4 more often the higher their value (make_issue21.py's MISSING argument), so where NaN goes matters; DATASET=scale
# issue #21's problem at 1,000,000 training (ROWS) and 100,000 test rows with 500 trees (TREES), each fit run under
# /usr/bin/time so its peak memory (maximum resident set size of the whole process, the parsed CSV files included) is
# printed as max_rss_mb, followed by a line of aips's fit time, fit CPU seconds and peak memory as multiples of
# LightGBM's (the goals of issue #21: fit time at most 0.8×, memory at most 1×). DATASET=categorical fits a problem whose categories matter (100,000 train
# + 20,000 test rows; team and opponent of 30 levels, venue of 200, with drawn level effects, and 10 numeric features;
# bench/ml/make_categorical.py), the categories written as text so `aips` reads them as categorical and peers.py hands
# them to LightGBM as categorical_feature (max_cat_to_onehot 4, cat_smooth 10, cat_l2 10, max_cat_threshold 32,
# min_data_per_group 100: LightGBM's defaults, which aips's category splits follow).
#
# Environment: MODELS (default "gbm"; any of gbm drf xrt glm), DATASET (default "bench"; or "issue21", "mlb", "missing",
# "scale", "categorical"), ROWS (default 100000 training rows, 1000000 for scale), TREES (default 100, 500 for scale), REPEATS
# (default 3, 1 for scale), THREADS (default 2), DATA (default /tmp/aips-ml-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/reference-python.sh
use_reference_python

models=${MODELS:-gbm}
dataset=${DATASET:-bench}
if [[ "$dataset" == scale ]]; then
    rows=${ROWS:-1000000}
    trees=${TREES:-500}
    repeats=${REPEATS:-1}
else
    rows=${ROWS:-100000}
    trees=${TREES:-100}
    repeats=${REPEATS:-3}
fi
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
missing)
    files="$data/missing-$rows"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_issue21.py "$files" "$rows" $((rows / 5)) 42 0.2
    ;;
scale)
    files="$data/scale-$rows"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_issue21.py "$files" "$rows" 100000 42
    ;;
categorical)
    files="$data/categorical-$rows"
    [[ -f "$files/train.csv" ]] || python3 bench/ml/make_categorical.py "$files" "$rows" $((rows / 5)) 42
    ;;
*)
    echo "unknown DATASET $dataset (bench, issue21, mlb, missing, scale or categorical)" >&2
    exit 2
    ;;
esac
swift build -c release --product aips >/dev/null
export OMP_NUM_THREADS=$threads

# Peak memory: GNU time's report goes to a file of its own, and its maximum resident set size (KiB) is printed in MiB.
rss=$(mktemp)
trap 'rm -f "$rss"' EXIT
measured() {
    if [[ "$dataset" == scale && -x /usr/bin/time ]]; then
        /usr/bin/time -v -o "$rss" "$@"
    else
        : >"$rss"
        "$@"
    fi
}
peak() { awk '/Maximum resident set size/ { printf "  max_rss_mb %.0f", $NF / 1024 }' "$rss"; }

for ((run = 1; run <= repeats; run++)); do
    echo "== run $run of $repeats ($dataset, $rows rows, $trees trees, $threads threads)"
    for model in $models; do
        line=$(measured .build/release/aips ml train --train "$files/train.csv" --test "$files/test.csv" --target y \
            --model "$model" --trees "$trees" --leaves 31 --learning-rate 0.1 --threads "$threads" |
            awk -v m="$model" '/^fit_seconds|^fit_cpu_seconds|^predict_seconds|^auc|^log_loss|^brier|^ece/ { line = line sprintf("  %s %s", $1, $2) }
                END { printf "%-28s%s", "aips " m, line }' | sed 's/://g')
        echo "$line$(peak)"
        [[ "$model" == gbm ]] && ours="$line$(peak)"
    done
    if python3 -c 'import lightgbm' 2>/dev/null || python3 -c 'import sklearn' 2>/dev/null; then
        if [[ "$dataset" == scale ]]; then
            # LightGBM alone (scikit-learn would double the run), in a process of its own for its peak memory.
            line=$(measured python3 bench/ml/peers.py "$files/train.csv" "$files/test.csv" y "$threads" "$(echo "$models" | tr ' ' ',')" "$trees" lightgbm)
            echo "$line$(peak)"
            # Issue #21's scale goal in one line: fit time at most 0.8× LightGBM's (CPU seconds beside it: both
            # spin between parallel steps, so CPU is not wall time × threads), peak memory at most 1×.
            if [[ -n "${ours:-}" ]]; then
                printf '%s\n%s\n' "$ours" "$line$(peak)" | awk '
                    { for (i = 1; i < NF; i++) if ($i == "fit_seconds") wall[NR] = $(i + 1); else if ($i == "fit_cpu_seconds") cpu[NR] = $(i + 1); else if ($i == "max_rss_mb") mb[NR] = $(i + 1) }
                    END { if (wall[2] > 0 && cpu[2] > 0 && mb[2] > 0) printf "%-28s  fit_time %.2fx (goal <= 0.8)  fit_cpu %.2fx  peak_memory %.2fx (goal <= 1)\n", "aips gbm / lightgbm", wall[1] / wall[2], cpu[1] / cpu[2], mb[1] / mb[2] }'
            fi
        else
            python3 bench/ml/peers.py "$files/train.csv" "$files/test.csv" y "$threads" "$(echo "$models" | tr ' ' ',')" "$trees"
        fi
    else
        echo "(peers skipped: BENCH_REFERENCE=0, or no lightgbm or scikit-learn)"
    fi
done
