#!/usr/bin/env python3
"""What public information alone can add to the opening moneyline of a real games CSV: the reference for the replay bench.

The platform's model, published when lines open, matches the opening line on real MLB (bench/replay.sh). This asks
whether a stronger or differently built learner would find more in the same file. Every learner fits on top of the
opening line (its log-odds as the offset, so an unhelpful learner stays at the open) and is refitted walk-forward at
each month of the test season on every game before it, as the replay bench's models are:

- `glm open`: the opening line's log-odds rescaled (the favourite-longshot bias, if the file has one);
- `glm public`: plus Elo (538's baseball method: K 4, 24 points at home, a third regressed between seasons), rest
  days, the last 10 games' win rate and run differential, how far each team's results ran ahead of the line so far
  this season, the second game of a doubleheader and the opening total;
- `lightgbm public`: the same columns, shallow trees (LightGBM, 4 leaves, 200 games a leaf, 300 rounds at 0.01);
- `lightgbm public + teams`: plus home and away team as categorical features;
- `glm open + drift`: the opening line and each team's mean open→close move (no-vig log-odds, toward the team) over its
  last 20 games: where this book's openers lag what its closes learnt about a team;
- `… → close`: the same learners fitted to the closing line's no-vig probability instead of the result (cross-entropy
  on a soft label). The close is what a model published at the open has to anticipate, and it is far less noisy than
  a result, so these ask directly how much of the line's move public information foretells.

Each line prints its log loss on the test games, its difference from the opening line's with the standard error of
the per-game difference, and the share of the open→close gap it captures (the closing line captures 100 %); then
its cross-entropy against the closing probability, beside the opening line's, as the share of the move it foretells
(free of the results' noise: the closing line foretells 100 %, the opening line 0 %).
Usage: market_reference.py [GAMES_CSV] [TEST_FROM, default 2016-01-01]   (needs numpy, pandas, scikit-learn and lightgbm)
"""
import os
import sys
from collections import defaultdict, deque

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

PUBLIC = ["elo_diff", "rest_home", "rest_away", "form_home", "form_away", "runs_home", "runs_away",
          "ahead_home", "ahead_away", "doubleheader", "total_open"]
DRIFT = ["drift_home", "drift_away"]


def no_vig(home, away):
    def implied(price):
        return np.where(price < 0, -price / (-price + 100), 100 / (price + 100))
    h, a = implied(home.astype(float)), implied(away.astype(float))
    return h / (h + a)


def public_features(games):
    """Per game, what was known before it started; every state is updated only after the game's row is written."""
    elo = defaultdict(lambda: 1500.0)
    last_day, season_of = {}, {}
    wins = defaultdict(lambda: deque(maxlen=10))
    margins = defaultdict(lambda: deque(maxlen=10))
    ahead, played = defaultdict(float), defaultdict(int)
    moves = defaultdict(lambda: deque(maxlen=20))
    days = pd.to_datetime(games.date)
    rows = []
    for day, game in zip(days, games.itertuples()):
        home, away = game.home, game.away
        for team in (home, away):
            if season_of.get(team) != game.season:
                elo[team] = 1500 + (elo[team] - 1500) * 2 / 3
                season_of[team] = game.season
                wins[team].clear(), margins[team].clear()
                ahead[team], played[team] = 0.0, 0
        rest = [min((day - last_day[t]).days, 5) if t in last_day else 5 for t in (home, away)]
        rows.append({
            "elo_diff": elo[home] - elo[away] + 24,
            "rest_home": rest[0], "rest_away": rest[1],
            "form_home": np.mean(wins[home]) if wins[home] else 0.5,
            "form_away": np.mean(wins[away]) if wins[away] else 0.5,
            "runs_home": np.mean(margins[home]) if margins[home] else 0.0,
            "runs_away": np.mean(margins[away]) if margins[away] else 0.0,
            # Shrunk toward 0 by 20 games, so a team's first few results say little.
            "ahead_home": ahead[home] / (played[home] + 20), "ahead_away": ahead[away] / (played[away] + 20),
            "doubleheader": int(game.time >= "20:00"),
            "drift_home": np.mean(moves[home]) if moves[home] else 0.0,
            "drift_away": np.mean(moves[away]) if moves[away] else 0.0,
        })
        won, margin = int(game.home_score > game.away_score), game.home_score - game.away_score
        expected = 1 / (1 + 10 ** (-(elo[home] - elo[away] + 24) / 400))
        step = 4 * np.log(abs(margin) + 1) * (won - expected)
        elo[home] += step
        elo[away] -= step
        last_day[home] = last_day[away] = day
        wins[home].append(won), wins[away].append(1 - won)
        margins[home].append(margin), margins[away].append(-margin)
        ahead[home] += won - game.p_open
        ahead[away] += (1 - won) - (1 - game.p_open)
        played[home] += 1
        played[away] += 1
        move = np.log(game.p_close / (1 - game.p_close)) - np.log(game.p_open / (1 - game.p_open))
        moves[home].append(move), moves[away].append(-move)
    return pd.DataFrame(rows, index=games.index)


def log_losses(y, p):
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def glm(columns):
    def fit_predict(train, test):
        model = LogisticRegression(C=1.0, max_iter=5000).fit(train[columns], train.y)
        return model.predict_proba(test[columns])[:, 1]
    return fit_predict


def glm_to_close(columns):
    """A logistic regression on the closing probability: each game twice, as a win and a loss weighted by it."""
    def fit_predict(train, test):
        doubled = pd.concat([train[columns], train[columns]])
        labels = np.r_[np.ones(len(train)), np.zeros(len(train))]
        weights = np.r_[train.p_close.to_numpy(), 1 - train.p_close.to_numpy()]
        model = LogisticRegression(C=1.0, max_iter=5000).fit(doubled, labels, sample_weight=weights)
        return model.predict_proba(test[columns])[:, 1]
    return fit_predict


def boosted(columns, teams, target="y"):
    def fit_predict(train, test):
        x_train, x_test = train[columns].copy(), test[columns].copy()
        if teams:
            for side in ("home", "away"):
                categories = sorted(set(train[side]))
                x_train[side] = pd.Categorical(train[side], categories=categories)
                x_test[side] = pd.Categorical(test[side], categories=categories)
        objective = "binary" if target == "y" else "cross_entropy"
        parameters = dict(objective=objective, learning_rate=0.01, num_leaves=4, min_data_in_leaf=200, lambda_l2=10,
                          cat_smooth=50, verbose=-1, num_threads=2, seed=7)
        booster = lgb.train(parameters, lgb.Dataset(x_train, train[target], init_score=train.offset), 300)
        return sigmoid(booster.predict(x_test, raw_score=True) + test.offset)
    return fit_predict


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/data/real/mlb-2014-2016.csv")
    test_from = sys.argv[2] if len(sys.argv) > 2 else "2016-01-01"
    games = pd.read_csv(path).sort_values(["date", "time"]).reset_index(drop=True)
    games["season"] = games.date.str[:4].astype(int)
    games["p_open"] = no_vig(games.home_moneyline_open, games.away_moneyline_open)
    games["p_close"] = no_vig(games.home_moneyline, games.away_moneyline)
    games["y"] = (games.home_score > games.away_score).astype(int)
    games = games[games.home_score != games.away_score].copy()
    games = games.join(public_features(games))
    games["offset"] = np.log(games.p_open / (1 - games.p_open))
    games["total_open"] = games.total_open.fillna(games.total_open.median())
    learners = {
        "glm open": glm(["offset"]),
        "glm public": glm(["offset"] + PUBLIC),
        "lightgbm public": boosted(PUBLIC, teams=False),
        "lightgbm public + teams": boosted(PUBLIC, teams=True),
        "glm public → close": glm_to_close(["offset"] + PUBLIC),
        "lightgbm public → close": boosted(PUBLIC, teams=False, target="p_close"),
        "lightgbm + teams → close": boosted(PUBLIC, teams=True, target="p_close"),
        "glm open + drift": glm(["offset"] + DRIFT),
        "glm open + drift → close": glm_to_close(["offset"] + DRIFT),
    }
    test = games[games.date >= test_from].copy()
    months = sorted(set(test.date.str[:7]))
    for name, fit_predict in learners.items():
        test[name] = np.nan
        for month in months:
            rows = test.date.str[:7] == month
            train = games[games.date < month + "-01"]
            test.loc[rows, name] = fit_predict(train, test[rows])
    y = test.y.to_numpy()
    close = test.p_close.to_numpy()
    opening = log_losses(y, test.p_open.to_numpy())
    opening_to_close = log_losses(close, test.p_open.to_numpy())
    gap = opening.mean() - log_losses(y, close).mean()
    move = opening_to_close.mean() - log_losses(close, close).mean()
    print(f"{os.path.basename(path)}: {len(test)} games from {test_from}, refitted at {len(months)} monthly cutoffs on every earlier game")
    print(f"{'':26} {'log loss':>9} {'vs open':>9} {'± se':>7} {'gap captured':>13} | {'move foretold':>13} {'± se':>6}")
    for name, probabilities in [("opening line", test.p_open), ("closing line", test.p_close)] + [(n, test[n]) for n in learners]:
        losses = log_losses(y, probabilities.to_numpy())
        difference = losses - opening
        se = difference.std(ddof=1) / np.sqrt(len(difference))
        captured = -difference.mean() / gap * 100 + 0.0  # no "-0 %" for the opening line itself
        foretold = opening_to_close - log_losses(close, probabilities.to_numpy())
        foretold_se = foretold.std(ddof=1) / np.sqrt(len(foretold)) / move * 100
        print(f"{name:26} {losses.mean():9.5f} {difference.mean():+9.5f} {se:7.5f} {captured:12.0f}% | "
              f"{foretold.mean() / move * 100 + 0.0:12.1f}% {foretold_se:6.1f}")


if __name__ == "__main__":
    main()
