#!/usr/bin/env python3
"""Writes the synthetic binary benchmark problem: train and test CSVs with 50 features and a target column `y`.

The signal mixes linear terms, interactions, thresholds and noise so a 100-tree GBM lands near AUC 0.72-0.73.
Usage: make_data.py OUT_DIR [ROWS] [FEATURES] [SEED]
"""
import sys

import numpy as np

from synthetic_csv import write_split


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    features = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    rng = np.random.default_rng(seed)
    n = rows * 2
    x = rng.normal(size=(n, features)).astype(np.float32)
    # A few skewed and discrete columns, and 2% missing values in the first ten.
    x[:, 5] = np.exp(x[:, 5])
    x[:, 6] = np.round(x[:, 6] * 2)
    missing = rng.random((n, 10)) < 0.02
    logit = (0.6 * x[:, 0] - 0.5 * x[:, 1] + 0.4 * x[:, 2] * x[:, 3]
             + 0.5 * (x[:, 4] > 0.5) - 0.3 * np.log1p(x[:, 5]) + 0.25 * x[:, 6]
             + 0.3 * np.sin(2 * x[:, 7]) + 0.2 * x[:, 8] * (x[:, 9] > 0)
             + 0.1 * x[:, 10:20].sum(axis=1) / np.sqrt(10))
    logit += rng.normal(scale=1.7, size=n)
    y = (logit > 0).astype(np.int32)
    x[:, :10][missing] = np.nan
    write_split(out, x, y, rows)


if __name__ == "__main__":
    main()
