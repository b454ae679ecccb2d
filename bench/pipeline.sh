#!/usr/bin/env bash
# The prediction pipeline on a simulated history (default 150 days of NBA, MLB, EPL and NHL, and the NFL's last season,
# out of season at the bench's June end): backfill, featurize, train.automl, train.stack and calibrate per sport and
# bet type, timed; then the calibrated models' log loss
# on the newest games beside the closing line's and the simulator's Bayes-optimal forecast, on the same games.
# A second line per market scores the same forecasts by their expected log loss under the simulator's true
# probability (free of the outcomes' noise) and says what share of the ceiling's gain over the opening line the
# model captures. A three-way moneyline (EPL) is scored as home win against the rest and as the three-way market.
# BENCH_DAYS, BENCH_SPORTS, BENCH_MODELS, BENCH_RUNTIME, BENCH_PRESET tune it (see bench/Pipeline/main.swift).
# The schedule's edge at the open is one coefficient that 150 days of NBA games cannot tell from noise; a season
# (BENCH_SPORTS=nba BENCH_DAYS=330 BENCH_PUBLICATIONS=open) shows what the model finds there. At most 366 days.
# Passes (BENCH_PUBLICATIONS): open (trained and scored at the open), late (an hour before the start), served (the
# platform's open-publication models, trained on each game's first features with the line while the later features are
# stored too, scored at the open) and, not by default, late-at-open (trained an hour before the start, scored at the
# open: what the platform published at the open before each publication had its own champion).
# BENCH_HISTORY=bootstrap collects and trains as `aips dev`'s bootstrap does (four odds snapshots a day, none at each
# game's open but the evaluation games', quick settings), to tell a dev run's models from the bench's.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup
swift build -c release --product pipeline-bench >/dev/null
source scripts/lib/servers.sh
start_servers_unless_configured
# Line-buffered, so progress shows as it happens when the output goes to a file or a pipe.
stdbuf -oL .build/release/pipeline-bench
