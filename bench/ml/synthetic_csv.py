"""The CSV layout of the synthetic benchmark problems: features `f0`..`fN-1`, then the 0/1 target `y`."""
import os

import numpy as np


def write_split(out, x, y, train_rows):
    """Writes `train.csv` (the first `train_rows` rows of `x` and `y`) and `test.csv` (the rest) to the folder `out`."""
    features = x.shape[1]
    os.makedirs(out, exist_ok=True)
    header = ",".join([f"f{i}" for i in range(features)] + ["y"])
    for name, part in (("train.csv", slice(0, train_rows)), ("test.csv", slice(train_rows, len(y)))):
        data = np.column_stack([x[part], y[part]])
        fmt = ["%.6g"] * features + ["%d"]
        np.savetxt(os.path.join(out, name), data, delimiter=",", header=header, comments="", fmt=fmt)
