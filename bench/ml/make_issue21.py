#!/usr/bin/env python3
"""Writes the synthetic binary problem of issue #21: train and test CSVs with 50 standard-normal features and `y`.

logit = 0.6 f0 - 0.5 f1 + 0.4 sin(2 f2) + 0.5 f3 f4 + 0.3 [f5 > 0.5] - 0.3 |f6| + 0.2 f7^2 - 0.2 + 0.25 f8 f9,
y ~ Bernoulli(sigmoid(logit)); numpy default_rng(SEED), all features drawn first, then one uniform per row for the
labels. The first TRAIN rows are the training set, the rest the test set. No missing values, unless MISSING > 0:
then, after the labels are drawn, f0-f4 go missing with probability 2 MISSING sigmoid(3 f) (more often the higher
the value, so where NaN belongs differs per feature and the default direction of a split matters) and f5-f9 with
probability MISSING (at random), from a second generator (seed SEED + 1) so the values stay those of issue #21.
Usage: make_issue21.py OUT_DIR [TRAIN_ROWS] [TEST_ROWS] [SEED] [MISSING]
"""
import sys

import numpy as np

from synthetic_csv import write_split


def main():
    out = sys.argv[1]
    train = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    test = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    missing = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    features = 50
    n = train + test
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, features))
    logit = (0.6 * x[:, 0] - 0.5 * x[:, 1] + 0.4 * np.sin(2 * x[:, 2]) + 0.5 * x[:, 3] * x[:, 4]
             + 0.3 * (x[:, 5] > 0.5) - 0.3 * np.abs(x[:, 6]) + 0.2 * x[:, 7] ** 2 - 0.2 + 0.25 * x[:, 8] * x[:, 9])
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int32)
    if missing > 0:
        mask = np.random.default_rng(seed + 1).random((n, 10))
        x[:, :5][mask[:, :5] < 2 * missing / (1 + np.exp(-3 * x[:, :5]))] = np.nan
        x[:, 5:10][mask[:, 5:] < missing] = np.nan
    write_split(out, x, y, train)


if __name__ == "__main__":
    main()
