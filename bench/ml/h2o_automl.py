"""H2O AutoML on the same files as `aips ml train --model automl`: the peer the issue names.

Usage: python bench/ml/h2o_automl.py TRAIN.csv TEST.csv [SECONDS] [THREADS]
Needs `pip install h2o` and a Java runtime. Prints fit time, the leader and its test AUC.
"""
import sys
import time

import h2o
from h2o.automl import H2OAutoML

train_path, test_path = sys.argv[1], sys.argv[2]
seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 60
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2

h2o.init(nthreads=threads, max_mem_size="4G", verbose=False)
h2o.no_progress()
train = h2o.import_file(train_path)
test = h2o.import_file(test_path)
train["y"] = train["y"].asfactor()
test["y"] = test["y"].asfactor()
features = [c for c in train.columns if c != "y"]
started = time.time()
automl = H2OAutoML(max_runtime_secs=seconds, seed=1, sort_metric="AUC")
automl.train(x=features, y="y", training_frame=train)
fit = time.time() - started
performance = automl.leader.model_performance(test)
print(f"h2o automl  fit {fit:.1f} s  models {automl.leaderboard.nrows}  leader {automl.leader.model_id}")
print(f"h2o automl  test AUC {performance.auc():.5f}  log loss {performance.logloss():.5f}")
h2o.cluster().shutdown()
