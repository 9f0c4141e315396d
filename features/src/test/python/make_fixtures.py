"""Golden fixtures for the features module, from scikit-learn 1.2.1.

Run with the Debian interpreter that has scikit-learn:
    /usr/bin/python3 features/src/test/python/make_fixtures.py
Writes CSV files (full-precision doubles via repr, 'nan' for missing) under
features/src/test/resources/features/. Python is not part of the build.
"""
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.impute import KNNImputer
from sklearn.preprocessing import (MaxAbsScaler, MinMaxScaler, OneHotEncoder,
                                   RobustScaler, StandardScaler)

assert sklearn.__version__ == "1.2.1", sklearn.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "features")
os.makedirs(OUT, exist_ok=True)


def fmt(v):
    return "nan" if np.isnan(v) else repr(float(v))


def write(name, m):
    m = np.atleast_2d(np.asarray(m, dtype=float))
    with open(os.path.join(OUT, name + ".csv"), "w") as f:
        for row in m:
            f.write(",".join(fmt(v) for v in row) + "\n")


def write_lines(name, lines):
    with open(os.path.join(OUT, name + ".txt"), "w") as f:
        for line in lines:
            f.write(line + "\n")


rng = np.random.RandomState(7)

# ---- scalers: skewed, shifted columns, one constant column, a few NaN ----
n = 40
X = np.column_stack([
    rng.normal(50, 12, n),
    rng.lognormal(3, 1, n),
    rng.uniform(-5, 3, n),
    rng.exponential(2, n) - 1,
    np.full(n, 4.25),
])
X[3, 0] = np.nan
X[11, 2] = np.nan
X[20, 1] = np.nan
T = np.column_stack([
    rng.normal(50, 20, 6),
    rng.lognormal(3, 1, 6),
    rng.uniform(-8, 6, 6),
    rng.exponential(2, 6) - 1,
    np.array([4.25, 4.25, 0, 10, 4.25, 4.25]),
])
T[2, 3] = np.nan
write("scaler_fit", X)
write("scaler_test", T)

for name, est in [
    ("standard", StandardScaler()),
    ("standard_nomean", StandardScaler(with_mean=False)),
    ("minmax", MinMaxScaler()),
    ("minmax_range", MinMaxScaler(feature_range=(-1, 2), clip=True)),
    ("robust", RobustScaler()),
    ("robust_10_90", RobustScaler(quantile_range=(10, 90))),
    ("maxabs", MaxAbsScaler()),
]:
    est.fit(X)
    write(name + "_fit_out", est.transform(X))
    write(name + "_test_out", est.transform(T))
    if name != "minmax_range":
        write(name + "_inverse", est.inverse_transform(est.transform(T)))

write("log1p_out", np.log1p(np.abs(X)))

# ---- one-hot with infrequent folding ----
cats = (["red"] * 11 + ["green"] * 9 + ["blue"] * 8 + ["cyan"] * 3 + ["ochre"] * 2
        + ["mauve"] * 1 + ["teal"] * 6)
rng.shuffle(cats)
test_cats = ["red", "mauve", "teal", "ochre", "purple", "blue", "cyan", "green"]
write_lines("onehot_fit", cats)
write_lines("onehot_test", test_cats)
enc = OneHotEncoder(min_frequency=0.1, handle_unknown="infrequent_if_exist", sparse_output=False)
enc.fit(np.array(cats, dtype=object).reshape(-1, 1))
write_lines("onehot_infrequent_names", list(enc.get_feature_names_out(["color"])))
write("onehot_infrequent_out", enc.transform(np.array(test_cats, dtype=object).reshape(-1, 1)))
enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
enc.fit(np.array(cats, dtype=object).reshape(-1, 1))
write_lines("onehot_plain_names", list(enc.get_feature_names_out(["color"])))
write("onehot_plain_out", enc.transform(np.array(test_cats, dtype=object).reshape(-1, 1)))

# ---- KNN imputation with the nan-Euclidean distance ----
n, d = 45, 4
K = rng.normal(0, 1, (n, d)) @ rng.normal(0, 1, (d, d)) + np.array([3, -1, 0, 10])
mask = rng.uniform(size=K.shape) < 0.15
mask[:, 0] &= np.arange(n) % 3 != 0
K[mask] = np.nan
K[5, :] = [np.nan, np.nan, np.nan, 9.5]
KT = rng.normal(0, 1, (7, d)) @ rng.normal(0, 1, (d, d)) + np.array([3, -1, 0, 10])
KT[0, 1] = np.nan
KT[1, [0, 2]] = np.nan
KT[2, :3] = np.nan
KT[3, 3] = np.nan
KT[5, 0] = np.nan
write("knn_fit", K)
write("knn_test", KT)
for name, imp in [("knn_uniform3", KNNImputer(n_neighbors=3)),
                  ("knn_distance4", KNNImputer(n_neighbors=4, weights="distance")),
                  ("knn_default", KNNImputer())]:
    imp.fit(K)
    write(name + "_fit_out", imp.transform(K))
    write(name + "_test_out", imp.transform(KT))

# ---- PCA (full SVD) ----
n, d = 60, 5
P = rng.normal(0, 1, (n, d)) @ np.diag([5, 3, 1.5, 0.7, 0.2]) @ np.linalg.qr(rng.normal(0, 1, (d, d)))[0]
P += np.array([10, -3, 0, 2, 100])
PT = rng.normal(0, 3, (8, d)) + np.array([10, -3, 0, 2, 100])
write("pca_fit", P)
write("pca_test", PT)
for name, pca in [("pca3", PCA(n_components=3, svd_solver="full")),
                  ("pca3_whiten", PCA(n_components=3, whiten=True, svd_solver="full")),
                  ("pca_var90", PCA(n_components=0.9, svd_solver="full")),
                  ("pca_all", PCA(svd_solver="full"))]:
    pca.fit(P)
    write(name + "_components", pca.components_)
    write(name + "_variance", pca.explained_variance_)
    write(name + "_ratio", pca.explained_variance_ratio_)
    write(name + "_singular", pca.singular_values_)
    write(name + "_mean", pca.mean_)
    write(name + "_test_out", pca.transform(PT))
    write(name + "_inverse", pca.inverse_transform(pca.transform(PT)))
