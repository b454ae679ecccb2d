#!/usr/bin/env python3
"""Runs the peer libraries that are pip-installed (LightGBM, scikit-learn) on the same CSVs as `aips ml train`.

Prints the same lines as the Swift CLI: fit_seconds, predict_seconds, auc, log_loss, brier, ece.
Usage: peers.py TRAIN_CSV TEST_CSV TARGET [THREADS] [MODELS] [TREES] [PEER]
MODELS is a comma-separated list of gbm, drf, xrt, glm; TREES (default 100) the boosting rounds of the GBMs; PEER
(lightgbm or sklearn) runs only that library.

Columns holding text are categories, as `aips` reads them: coded by their sorted training levels (a test level the
training file lacks becomes missing) and passed to LightGBM as `categorical_feature`, to HistGradientBoosting as
`categorical_features`, with LightGBM's category settings at its defaults, spelled out below.
"""
import importlib.util
import sys
import time

import numpy as np


def metrics(y, p):
    from scipy.stats import rankdata
    p = np.clip(p, 1e-15, 1 - 1e-15)
    ranks = rankdata(p)
    pos = y.sum()
    neg = len(y) - pos
    auc = (ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg)
    logloss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    brier = np.mean((p - y) ** 2)
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(y[bins == b].mean() - p[bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()) / len(y)
    return auc, logloss, brier, ece


def report(name, fit, predict, y, p):
    auc, logloss, brier, ece = metrics(y, p)
    print(f"{name:28s} fit_seconds {fit[0]:7.3f}  fit_cpu_seconds {fit[1]:7.3f}  predict_seconds {predict:6.3f}  auc {auc:.5f}  log_loss {logloss:.5f}  brier {brier:.5f}  ece {ece:.5f}", flush=True)


def timed(fit, predict):
    start = time.perf_counter()
    cpu = time.process_time()
    fit()
    fit_time = (time.perf_counter() - start, time.process_time() - cpu)
    start = time.perf_counter()
    p = predict()
    return fit_time, time.perf_counter() - start, p


def main():
    train_path, test_path, target = sys.argv[1:4]
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    models = sys.argv[5].split(",") if len(sys.argv) > 5 else ["gbm", "drf", "xrt", "glm"]
    trees = int(sys.argv[6]) if len(sys.argv) > 6 else 100
    peer = sys.argv[7] if len(sys.argv) > 7 else None

    def load(path, levels=None):
        with open(path) as f:
            header = f.readline().strip().split(",")
        column = header.index(target)
        try:
            data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
            return np.delete(data, column, axis=1), data[:, column].astype(np.int32), {}
        except ValueError:
            pass
        # Text columns: categories. Their levels come from the training file.
        fields = np.loadtxt(path, delimiter=",", skiprows=1, dtype=str)
        if levels is None:
            levels = {}
            for c in range(fields.shape[1]):
                try:
                    fields[:, c].astype(np.float32)
                except ValueError:
                    levels[c] = {level: code for code, level in enumerate(sorted(set(fields[:, c])))}
        data = np.empty(fields.shape, dtype=np.float32)
        for c in range(fields.shape[1]):
            if c in levels:
                data[:, c] = [levels[c].get(v, np.nan) for v in fields[:, c]]
            else:
                data[:, c] = fields[:, c].astype(np.float32)
        return np.delete(data, column, axis=1), data[:, column].astype(np.int32), levels

    x, y, levels = load(train_path)
    xt, yt, _ = load(test_path, levels)
    with open(train_path) as f:
        header_index = f.readline().strip().split(",").index(target)
    # Feature positions of the categorical columns (the target column is dropped from the features).
    categorical = sorted(c - (c > header_index) for c in levels)
    if importlib.util.find_spec("lightgbm") and "gbm" in models and peer in (None, "lightgbm"):
        import lightgbm as lgb
        params = dict(objective="binary", num_leaves=31, learning_rate=0.1, max_bin=255, num_threads=threads, verbose=-1, min_data_in_leaf=20, lambda_l2=0.0)
        if categorical:
            # LightGBM 4's defaults, which `aips`'s category splits follow (CategoricalSplitTests).
            params.update(max_cat_to_onehot=4, cat_smooth=10.0, cat_l2=10.0, max_cat_threshold=32, min_data_per_group=100)
        box = {}
        f, pr, p = timed(lambda: box.setdefault("m", lgb.train(params, lgb.Dataset(x, y, categorical_feature=categorical or "auto"), num_boost_round=trees)), lambda: box["m"].predict(xt, num_threads=threads))
        report(f"lightgbm ({trees} trees)", f, pr, yt, p)
    if importlib.util.find_spec("sklearn") and peer in (None, "sklearn"):
        from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        candidates = []
        if "gbm" in models:
            candidates.append((f"sklearn HistGB ({trees} trees)", HistGradientBoostingClassifier(max_iter=trees, max_leaf_nodes=31, learning_rate=0.1, early_stopping=False, min_samples_leaf=20, l2_regularization=0.0, categorical_features=categorical or None)))
        if "drf" in models:
            candidates.append(("sklearn RandomForest (100)", make_pipeline(SimpleImputer(), RandomForestClassifier(n_estimators=100, n_jobs=threads, min_samples_leaf=1, random_state=0))))
        if "xrt" in models:
            candidates.append(("sklearn ExtraTrees (100)", make_pipeline(SimpleImputer(), ExtraTreesClassifier(n_estimators=100, n_jobs=threads, min_samples_leaf=1, random_state=0))))
        if "glm" in models:
            candidates.append(("sklearn LogisticRegression", make_pipeline(SimpleImputer(), StandardScaler(), LogisticRegression(max_iter=1000))))
        for name, model in candidates:
            f, pr, p = timed(lambda: model.fit(x, y), lambda: model.predict_proba(xt)[:, 1])
            report(name, f, pr, yt, p)


if __name__ == "__main__":
    main()
