"""Per-point cost of the same 10-feature pipeline in scikit-learn, for comparison with
PipelineTransformBenchmark (median imputation, log1p of columns 2, 5, 7, standardisation).

    /usr/bin/python3 benchmarks/compare/features/pipeline_per_point_sklearn.py

Transforms one row at a time (the streaming use) and, for reference, a 4096-row batch.
Not part of the build.
"""
import time

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

rng = np.random.RandomState(4)
X = np.exp(rng.normal(size=(4096, 10)) + np.arange(10) * 0.1)
X[rng.uniform(size=X.shape) < 0.05] = np.nan
money = [2, 5, 7]
log = ColumnTransformer([("log", FunctionTransformer(np.log1p), money)], remainder="passthrough")
# ColumnTransformer moves the transformed columns first; the cost is what matters here.
pipe = Pipeline([("impute", SimpleImputer(strategy="median")), ("log", log), ("scale", StandardScaler())])
pipe.fit(X)

rows = [X[i:i + 1] for i in range(4096)]
for _ in range(200):
    pipe.transform(rows[_])
n = 5000
t0 = time.perf_counter()
for i in range(n):
    pipe.transform(rows[i & 4095])
per_point = (time.perf_counter() - t0) / n
t0 = time.perf_counter()
reps = 50
for _ in range(reps):
    pipe.transform(X)
per_row_batch = (time.perf_counter() - t0) / reps / len(X)
print(f"scikit-learn {sklearn.__version__}: one row per call {per_point * 1e6:.1f} us/point; "
      f"4096-row batch {per_row_batch * 1e9:.0f} ns/point")
