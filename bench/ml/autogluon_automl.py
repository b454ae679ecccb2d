"""AutoGluon on the same files as `aips ml train --model automl`: the other AutoML peer issue #21 names.

Usage: python bench/ml/autogluon_automl.py TRAIN.csv TEST.csv [SECONDS] [THREADS] [PRESET]
Needs `pip install "autogluon.tabular[lightgbm,catboost,xgboost]"` (no neural networks). PRESET defaults to
best_quality (bagged and stacked, the preset the issue compares against). Prints fit time, the number of models
and the best model, and its test AUC and log loss, in the format of h2o_automl.py.
"""
import shutil
import sys
import tempfile
import time

import numpy as np
import pandas as pd
from autogluon.tabular import TabularPredictor
from sklearn.metrics import log_loss, roc_auc_score

train_path, test_path = sys.argv[1], sys.argv[2]
seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
preset = sys.argv[5] if len(sys.argv) > 5 else "best_quality"

train = pd.read_csv(train_path)
test = pd.read_csv(test_path)
directory = tempfile.mkdtemp(prefix="autogluon-bench-")
started = time.time()
predictor = TabularPredictor(label="y", eval_metric="log_loss", path=directory, verbosity=0).fit(
    train, presets=preset, time_limit=seconds, num_cpus=threads, num_gpus=0,
    excluded_model_types=["NN_TORCH", "FASTAI"])
fit = time.time() - started
probabilities = np.clip(predictor.predict_proba(test.drop(columns=["y"]))[1].to_numpy(), 1e-15, 1 - 1e-15)
models = len(predictor.model_names())
print(f"autogluon {preset}  fit {fit:.1f} s  models {models}  best {predictor.model_best}")
print(f"autogluon {preset}  test AUC {roc_auc_score(test['y'], probabilities):.5f}  log loss {log_loss(test['y'], probabilities):.5f}")
shutil.rmtree(directory, ignore_errors=True)
