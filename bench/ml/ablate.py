#!/usr/bin/env python3
"""Ablations of the GBM against LightGBM on the same CSVs: which part of the algorithm moves the test metrics.

Modes (all take TRAIN_CSV TEST_CSV TARGET; LightGBM at the bench settings on one thread, which grows the same trees):
  lgb [TREES]                 LightGBM on the raw values.
  prebin OUT_DIR BINNER       Writes train/test CSVs whose features are bin indices of BINNER (`lightgbm`: a port
                              of LightGBM's GreedyFindBin with zero as one bin; `equal`: equal-count bins over
                              distinct values, the binner aips had before issue #21), so both learners see the same bins.
  thresholds ARCHIVE [TREES]  Checks that every threshold LightGBM uses is one of the bin bounds of an
                              `aips ml train --save` archive (same bins), and prints the first tree of each side.
The LightGBM port follows src/io/bin.cpp: bounds are midpoints (nudged up by one ulp) between distinct values, at
least min_data_in_bin=3 rows per bin, negatives and positives binned apart with zero as a bin of its own, and one
bin fewer when the feature has missing values.
"""
import json
import os
import sys

import numpy as np

ZERO = 1e-35


def load(path, target):
    cache = path + ".npz"
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        z = np.load(cache)
        return z["x"], z["y"], list(z["names"])
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
    column = header.index(target)
    x, y = np.delete(data, column, axis=1), data[:, column].astype(np.int32)
    names = [h for h in header if h != target]
    np.savez(cache, x=x, y=y, names=np.array(names))
    return x, y, names


def greedy_find_bin(values, counts, max_bin, total, min_data_in_bin=3):
    """LightGBM's GreedyFindBin: upper bounds (the last one infinity) over sorted distinct values."""
    n = len(values)
    bounds = []
    if n <= max_bin:
        in_bin = 0
        for i in range(n - 1):
            in_bin += counts[i]
            if in_bin >= min_data_in_bin:
                value = np.nextafter((values[i] + values[i + 1]) / 2.0, np.inf)
                if not bounds or value > np.nextafter(bounds[-1], np.inf):
                    bounds.append(value)
                    in_bin = 0
        bounds.append(np.inf)
        return bounds
    if min_data_in_bin > 0:
        max_bin = max(1, min(max_bin, total // min_data_in_bin))
    mean = total / max_bin
    rest_bins, rest_count = max_bin, total
    big = [c >= mean for c in counts]
    for i in range(n):
        if big[i]:
            rest_bins -= 1
            rest_count -= counts[i]
    mean = rest_count / rest_bins
    upper, lower = [np.inf] * max_bin, [np.inf] * max_bin
    bins = 0
    lower[0] = values[0]
    in_bin = 0
    for i in range(n - 1):
        if not big[i]:
            rest_count -= counts[i]
        in_bin += counts[i]
        if big[i] or in_bin >= mean or (big[i + 1] and in_bin >= max(1.0, mean * np.float32(0.5))):
            upper[bins] = values[i]
            bins += 1
            lower[bins] = values[i + 1]
            if bins >= max_bin - 1:
                break
            in_bin = 0
            if not big[i]:
                rest_bins -= 1
                mean = rest_count / rest_bins
    bins += 1
    for i in range(bins - 1):
        value = np.nextafter((upper[i] + lower[i + 1]) / 2.0, np.inf)
        if not bounds or value > np.nextafter(bounds[-1], np.inf):
            bounds.append(value)
    bounds.append(np.inf)
    return bounds


def lightgbm_bounds(column, max_bin=255):
    """LightGBM's bin upper bounds of one numerical column (FindBin with zero as one bin)."""
    present = column[~np.isnan(column)].astype(np.float64)
    if len(present) < len(column):
        max_bin -= 1
    present[np.abs(present) <= ZERO] = 0.0
    values, counts = np.unique(present, return_counts=True)
    total = int(counts.sum())
    negative, positive = values < -ZERO, values > ZERO
    left_count, zero_count = int(counts[negative].sum()), int(counts[~negative & ~positive].sum())
    bounds = []
    left = int(negative.sum())
    if left > 0 and max_bin > 1:
        left_bins = max(1, int(left_count / (total - zero_count) * (max_bin - 1)))
        bounds = greedy_find_bin(values[:left], counts[:left], left_bins, left_count)
        bounds[-1] = -ZERO
    right_bins = max_bin - 1 - len(bounds)
    if positive.any() and right_bins > 0:
        start = int(np.argmax(positive))
        bounds += [ZERO] + greedy_find_bin(values[start:], counts[start:], right_bins, int(counts[start:].sum()))
    else:
        bounds.append(np.inf)
    return np.array(bounds)


def equal_count_bounds(column, max_bin=255):
    """The equal-count binner aips used before issue #21 (QuantileBinner), for ablations."""
    present = np.sort(column[~np.isnan(column)])
    values, counts = np.unique(present, return_counts=True)
    if len(values) <= max_bin:
        return np.append((values[:-1].astype(np.float64) + values[1:]) / 2, np.inf)
    bounds, remaining, accumulated = [], len(present), 0
    for i in range(len(values) - 1):
        accumulated += counts[i]
        left = max_bin - len(bounds)
        if left <= 1:
            break
        if accumulated >= remaining / left:
            bounds.append((float(values[i]) + float(values[i + 1])) / 2)
            remaining -= accumulated
            accumulated = 0
    return np.array(bounds + [np.inf])


def to_bins(column, bounds):
    bins = np.searchsorted(bounds, column.astype(np.float64), side="left").astype(np.float32)
    bins[np.isnan(column)] = np.nan
    return bins


def lgb_params(threads=1):
    return dict(objective="binary", num_leaves=31, learning_rate=0.1, max_bin=255, num_threads=threads, verbose=-1,
                min_data_in_leaf=20, lambda_l2=0.0)


def metrics(y, p):
    from scipy.stats import rankdata
    p = np.clip(p, 1e-15, 1 - 1e-15)
    pos = y.sum()
    auc = (rankdata(p)[y == 1].sum() - pos * (pos + 1) / 2) / (pos * (len(y) - pos))
    return auc, -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def main():
    import lightgbm as lgb
    mode, train_path, test_path, target = sys.argv[1:5]
    rest = sys.argv[5:]
    x, y, names = load(train_path, target)
    xt, yt, _ = load(test_path, target)
    if mode == "lgb":
        trees = int(rest[0]) if rest else 100
        model = lgb.train(lgb_params(), lgb.Dataset(x, y), num_boost_round=trees)
        print("lightgbm auc %.5f log_loss %.5f" % metrics(yt, model.predict(xt)))
    elif mode == "prebin":
        out, binner = rest[0], rest[1]
        bounds = [(lightgbm_bounds if binner == "lightgbm" else equal_count_bounds)(x[:, j]) for j in range(x.shape[1])]
        os.makedirs(out, exist_ok=True)
        header = ",".join(names + [target])
        for name, features, labels in (("train.csv", x, y), ("test.csv", xt, yt)):
            binned = np.column_stack([to_bins(features[:, j], bounds[j]) for j in range(x.shape[1])] + [labels])
            np.savetxt(os.path.join(out, name), binned, delimiter=",", header=header, comments="", fmt="%.0f")
        print("bins per feature:", [len(b) for b in bounds][:10], "...")
    elif mode == "thresholds":
        archive = json.load(open(rest[0]))
        trees = int(rest[1]) if len(rest) > 1 else 100
        model = json.dumps(archive["model"])
        gbm = next(v for v in archive["model"].values() if isinstance(v, dict) and "binner" in v)
        ours = [np.array([float(b) for b in f["upperBounds"]]) for f in gbm["binner"]["features"]]
        booster = lgb.train(lgb_params(), lgb.Dataset(x, y), num_boost_round=trees)
        dump = booster.dump_model()
        missing, total = 0, 0

        def walk(node):
            nonlocal missing, total
            if "split_feature" not in node:
                return
            f, t = node["split_feature"], node["threshold"]
            total += 1
            if not np.any(np.abs(ours[f] - np.float32(t)) <= 1e-6 * max(1.0, abs(t))):
                missing += 1
            walk(node["left_child"])
            walk(node["right_child"])

        for tree in dump["tree_info"]:
            walk(tree["tree_structure"])
        print(f"LightGBM thresholds not among aips bounds: {missing} of {total}")
        del model


if __name__ == "__main__":
    main()
