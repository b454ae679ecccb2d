#!/usr/bin/env python3
"""Writes a binary problem whose high-cardinality categories matter: train and test CSVs with `y`.

Three categorical columns, written as text so `aips` reads them as categories: `team` and `opponent` (30 levels each,
`team00`..`team29`, uniform) and `venue` (200 levels, `venue000`..`venue199`, Zipf-like frequencies from 1/(k + 5), from
about 5,000 training rows for the commonest venue to about 120 for the rarest, near LightGBM's `min_data_per_group`
of 100), plus 10
standard-normal numeric features f0-f9. Each level has an effect drawn once: team strength s ~ N(0, 0.5²), venue
effect v ~ N(0, 0.3²), and

logit = s[team] - s[opponent] + v[venue] + 0.5 f0 - 0.4 f1 + 0.3 sin(2 f2) + 0.3 f3 f4 - 0.1,

y ~ Bernoulli(sigmoid(logit)); f5-f9 are noise. numpy default_rng(SEED): effects, then categories, then features,
then one uniform per row for the labels. The first TRAIN rows are the training set, the rest the test set. No
missing values; every level occurs in the training rows at these sizes.
Usage: make_categorical.py OUT_DIR [TRAIN_ROWS] [TEST_ROWS] [SEED]
"""
import os
import sys

import numpy as np


def main():
    out = sys.argv[1]
    train = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    test = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    teams, venues, numeric = 30, 200, 10
    n = train + test
    rng = np.random.default_rng(seed)
    strength = rng.normal(0, 0.5, teams)
    venue_effect = rng.normal(0, 0.3, venues)
    team = rng.integers(0, teams, n)
    # An opponent is any other team.
    opponent = (team + rng.integers(1, teams, n)) % teams
    weights = 1 / (np.arange(venues) + 5)
    venue = rng.choice(venues, n, p=weights / weights.sum())
    x = rng.normal(size=(n, numeric))
    logit = (strength[team] - strength[opponent] + venue_effect[venue] + 0.5 * x[:, 0] - 0.4 * x[:, 1]
             + 0.3 * np.sin(2 * x[:, 2]) + 0.3 * x[:, 3] * x[:, 4] - 0.1)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int32)
    os.makedirs(out, exist_ok=True)
    header = ",".join(["team", "opponent", "venue"] + [f"f{i}" for i in range(numeric)] + ["y"])
    for name, part in (("train.csv", range(0, train)), ("test.csv", range(train, n))):
        with open(os.path.join(out, name), "w") as f:
            f.write(header + "\n")
            for r in part:
                values = ",".join(f"{v:.6g}" for v in x[r])
                f.write(f"team{team[r]:02d},team{opponent[r]:02d},venue{venue[r]:03d},{values},{y[r]}\n")


if __name__ == "__main__":
    main()
