#!/usr/bin/env python3
"""Writes a feature matrix from real games: train on the 2014–2015 MLB seasons, test on 2016, target `y` = home win.

Features per game, from what was known before it started: the opening and closing moneylines and run line as
no-vig probabilities, their moves, the totals, and each team's win rate, runs scored and runs allowed over its last
10 and 30 games (missing before a team has played, as a pipeline's features are).
Usage: make_real.py OUT_DIR [GAMES_CSV]
"""
import csv
import os
import sys
from collections import defaultdict, deque

import numpy as np


def implied(price):
    price = float(price)
    return 100 / (price + 100) if price > 0 else -price / (-price + 100)


def no_vig(home, away):
    h, a = implied(home), implied(away)
    return h / (h + a)


def main():
    out = sys.argv[1]
    games = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../../shared/data/real/mlb-2014-2016.csv")
    rows = sorted(csv.DictReader(open(games)), key=lambda r: (r["date"], r["time"]))
    history = defaultdict(lambda: deque(maxlen=30))
    names = ["ml_open", "ml_close", "ml_move", "spread", "spread_price", "total_open", "total", "total_move"]
    for side in ("home", "away"):
        for window in (10, 30):
            names += [f"{side}_win{window}", f"{side}_scored{window}", f"{side}_allowed{window}"]
    train, test = [], []
    for r in rows:
        open_p = no_vig(r["home_moneyline_open"], r["away_moneyline_open"])
        close_p = no_vig(r["home_moneyline"], r["away_moneyline"])
        spread_p = no_vig(r["home_spread_price"], r["away_spread_price"]) if r["home_spread_price"] and r["away_spread_price"] else np.nan
        total_open = float(r["total_open"]) if r["total_open"] else np.nan
        total = float(r["total"]) if r["total"] else np.nan
        x = [open_p, close_p, close_p - open_p, float(r["spread"]) if r["spread"] else np.nan, spread_p, total_open, total, total - total_open]
        for team in (r["home"], r["away"]):
            past = list(history[team])
            for window in (10, 30):
                recent = past[-window:]
                if recent:
                    x += [np.mean([g[0] for g in recent]), np.mean([g[1] for g in recent]), np.mean([g[2] for g in recent])]
                else:
                    x += [np.nan] * 3
        home, away = int(r["home_score"]), int(r["away_score"])
        (test if r["date"] >= "2016" else train).append(x + [int(home > away)])
        history[r["home"]].append((int(home > away), home, away))
        history[r["away"]].append((int(away > home), away, home))
    os.makedirs(out, exist_ok=True)
    for name, part in (("train.csv", train), ("test.csv", test)):
        np.savetxt(os.path.join(out, name), np.array(part, dtype=np.float64), delimiter=",", header=",".join(names + ["y"]),
                   comments="", fmt=["%.6g"] * len(names) + ["%d"])


if __name__ == "__main__":
    main()
