#!/usr/bin/env python3
"""How much of the public signals' gain the line adjustments can carry, from a pipeline bench dump.

`BENCH_DUMP=DIR bench/pipeline.sh` writes each moneyline's training rows with the simulator's truth, the opening line and
the ceiling (the consensus with the public signals priced in full) beside the features. This fits the simplest model
that could use the `line_adjust_*` columns, a logistic regression on them with the market's log-odds as the offset
(ridge 1e-3, as `ModelMarkets.lineAdjustmentLearner`), on the fit and calibration rows' outcomes, and scores it on the
evaluation rows by expected log loss under the truth beside the market the features saw, the ceiling and the truth.
What it captures is what the platform's model could capture if its blend kept that learner whole.
Usage: line_adjustments.py DUMP.csv
"""
import sys

import numpy as np
import pandas as pd


def log_loss(y, q):
    q = np.clip(q, 1e-9, 1 - 1e-9)
    return -(y * np.log(q) + (1 - y) * np.log(1 - q))


def fit_with_offset(x, y, offset, ridge=1e-3):
    """Newton's method for a logistic regression with an offset; the intercept is not penalised."""
    x = np.column_stack([np.ones(len(x)), x])
    penalty = ridge * len(y) * np.diag(np.r_[0, np.ones(x.shape[1] - 1)])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        q = 1 / (1 + np.exp(-(x @ w + offset)))
        gradient = x.T @ (q - y) + penalty @ w
        hessian = (x * (q * (1 - q))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def main():
    rows = pd.read_csv(sys.argv[1])
    market = rows.line_homewinprob_current.fillna(rows.line_homewinprob_open).clip(1e-6, 1 - 1e-6)
    rows["offset"] = np.log(market / (1 - market))
    columns = [c for c in rows.columns if c.startswith("line_adjust_")]
    train, test = rows[rows.part != "evaluation"], rows[rows.part == "evaluation"]
    w = fit_with_offset(train[columns].fillna(0).to_numpy(), train.label.to_numpy(), train.offset.to_numpy())
    x_test = np.column_stack([np.ones(len(test)), test[columns].fillna(0).to_numpy()])
    model = 1 / (1 + np.exp(-(x_test @ w + test.offset.to_numpy())))
    truth = test.truth.to_numpy()
    print(f"{len(train)} training rows, {len(test)} evaluation rows; coefficients " + ", ".join(
        f"{name} {value:+.3f}" for name, value in zip(["intercept"] + columns, w)))
    expected = {}
    for name, q in [("market at the features", 1 / (1 + np.exp(-test.offset.to_numpy()))), ("offset GLM", model),
                    ("ceiling", test.ceiling.to_numpy()), ("truth", truth)]:
        expected[name] = (truth * log_loss(1, q) + (1 - truth) * log_loss(0, q)).mean()
        print(f"{name:24} expected log loss {expected[name]:.5f}   on the outcomes {log_loss(test.label.to_numpy(), q).mean():.5f}")
    gain = expected["market at the features"] - expected["ceiling"]
    print(f"the GLM captures {100 * (expected['market at the features'] - expected['offset GLM']) / gain:.0f} % of the ceiling's gain")


if __name__ == "__main__":
    main()
