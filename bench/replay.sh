#!/usr/bin/env bash
# The prediction pipeline on a real games CSV (default: MLB 2014–2016, ../shared/data/real) or a football-data.co.uk
# season (bench/data/football-data/E0_2425.csv, with BENCH_TEST_FROM=2025-01-01), walk-forward by month
# over the test season: model vs opening line vs closing line, the share of the open→close gap captured, pooled
# ECE, and the picks' accuracy, CLV and ROI by tier, published when the market opens and just before the start.
# Then the reference on the same file (lightgbm and scikit-learn, installed from PyPI on first use; BENCH_REFERENCE=0
# skips it): what public information alone (Elo, form, rest, results against the line, team ids) adds to the opening
# line in GLMs and LightGBM (bench/Replay/market_reference.py).
#   ./bench/replay.sh [FILE]     BENCH_FORMAT (games or football-data; guessed from the header), BENCH_TEST_FROM,
#                                BENCH_BET_TYPES, BENCH_PUBLICATIONS, BENCH_MODELS, BENCH_RUNTIME, BENCH_PRESET,
#                                BENCH_MONTHS tune it (see bench/Replay/main.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_FILE="$(realpath "${1:-${BENCH_FILE:-../shared/data/real/mlb-2014-2016.csv}}")"
source scripts/setup
swift build -c release --product replay-bench >/dev/null
source scripts/lib/servers.sh
source scripts/lib/reference-python.sh
use_reference_python
start_servers_unless_configured
# Line-buffered, so progress shows as it happens when the output goes to a file or a pipe.
stdbuf -oL .build/release/replay-bench
# The reference reads the games CSV's columns only.
format="${BENCH_FORMAT:-$(head -1 "$BENCH_FILE" | grep -qi 'fthg' && echo football-data || echo games)}"
if [ "$format" = games ] && python3 -c 'import lightgbm, sklearn, pandas' 2>/dev/null; then
    echo
    echo "reference: public information on top of the opening line (bench/Replay/market_reference.py)"
    python3 bench/Replay/market_reference.py "$BENCH_FILE" "${BENCH_TEST_FROM:-2016-01-01}"
fi
