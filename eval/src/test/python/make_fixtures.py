#!/usr/bin/python3
"""Golden fixtures for io.eddy.eval, computed with scikit-learn 1.2.1 and numpy.

Run from the repository root with the Debian interpreter (which has scikit-learn):

    /usr/bin/python3 eval/src/test/python/make_fixtures.py

Writes, under eval/src/test/resources/eval/:
  <name>.csv            one row per point: the features, then `truth` (the data set's
                        classes), `pred` (scikit-learn KMeans labels), `noisy` (pred with every
                        7th point set to -1, i.e. NOISE) and `sil_pred` (silhouette_samples of pred)
  expected.properties   every index, as repr() of the double, keyed <name>.<labels>.<index>

Data sets: the real ones scikit-learn ships (iris, wine, breast cancer, digits) and planted
Gaussian blobs. Python is never part of the build.
"""
import os
import numpy as np
from sklearn import datasets
from sklearn.cluster import KMeans
from sklearn import metrics

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "eval")


def load():
    out = {}
    for name, loader, k in [("iris", datasets.load_iris, 3), ("wine", datasets.load_wine, 3),
                            ("breast_cancer", datasets.load_breast_cancer, 2),
                            ("digits", datasets.load_digits, 10)]:
        d = loader()
        out[name] = (np.asarray(d.data, dtype=np.float64), np.asarray(d.target), k)
    X, y = datasets.make_blobs(n_samples=600, centers=4, n_features=3, cluster_std=2.5,
                               random_state=7)
    out["blobs"] = (X, y, 4)
    return out


def wcss(X, labels):
    return float(sum(((X[labels == c] - X[labels == c].mean(axis=0)) ** 2).sum()
                     for c in np.unique(labels)))


def simplified_silhouette(X, labels):
    cl = np.unique(labels)
    cent = np.array([X[labels == c].mean(axis=0) for c in cl])
    sizes = np.array([(labels == c).sum() for c in cl])
    idx = np.searchsorted(cl, labels)
    dist = np.sqrt(((X[:, None, :] - cent[None, :, :]) ** 2).sum(axis=2))
    a = dist[np.arange(len(X)), idx]
    dist[np.arange(len(X)), idx] = np.inf
    b = dist.min(axis=1)
    m = np.maximum(a, b)
    s = np.where(m > 0, (b - a) / np.where(m > 0, m, 1), 0.0)
    s[sizes[idx] == 1] = 0.0
    return float(s.mean())


def purity(truth, pred):
    c = metrics.cluster.contingency_matrix(truth, pred)
    return float(c.max(axis=0).sum() / c.sum())


def singletons(labels):
    out = labels.copy()
    nxt = labels.max() + 1
    for i in range(len(out)):
        if out[i] == -1:
            out[i] = nxt
            nxt += 1
    return out


def internal(props, key, X, labels):
    keep = labels != -1
    X, labels = X[keep], labels[keep]
    props[key + ".silhouette"] = metrics.silhouette_score(X, labels)
    props[key + ".davies_bouldin"] = metrics.davies_bouldin_score(X, labels)
    props[key + ".calinski_harabasz"] = metrics.calinski_harabasz_score(X, labels)
    props[key + ".wcss"] = wcss(X, labels)
    props[key + ".simplified_silhouette"] = simplified_silhouette(X, labels)


def external(props, key, truth, pred):
    props[key + ".ari"] = metrics.adjusted_rand_score(truth, pred)
    props[key + ".nmi"] = metrics.normalized_mutual_info_score(truth, pred)
    props[key + ".purity"] = purity(truth, pred)


def main():
    os.makedirs(OUT, exist_ok=True)
    props = {}
    for name, (X, y, k) in load().items():
        pred = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
        noisy = pred.copy()
        noisy[::7] = -1
        sil = metrics.silhouette_samples(X, pred)
        with open(os.path.join(OUT, name + ".csv"), "w") as f:
            f.write(",".join(["x%d" % j for j in range(X.shape[1])]
                             + ["truth", "pred", "noisy", "sil_pred"]) + "\n")
            for i in range(len(X)):
                f.write(",".join([repr(float(v)) for v in X[i]]
                                 + [str(int(y[i])), str(int(pred[i])), str(int(noisy[i])),
                                    repr(float(sil[i]))]) + "\n")
        props[name + ".n"] = len(X)
        for lab, labels in [("truth", y), ("pred", pred), ("noisy", noisy)]:
            internal(props, name + "." + lab, X, labels)
        external(props, name + ".pred", y, pred)
        external(props, name + ".noisy.cluster", y, noisy)
        external(props, name + ".noisy.singletons", y, singletons(noisy))
        keep = noisy != -1
        external(props, name + ".noisy.exclude", y[keep], noisy[keep])
        # Profiles of the true classes: population std, quartiles by linear interpolation.
        for c in np.unique(y):
            Xc = X[y == c]
            for j in [0, X.shape[1] - 1]:
                col = Xc[:, j]
                base = "%s.profile.%d.%d." % (name, c, j)
                props[base + "mean"] = col.mean()
                props[base + "std"] = col.std()
                props[base + "min"] = col.min()
                props[base + "max"] = col.max()
                props[base + "q1"] = np.percentile(col, 25)
                props[base + "median"] = np.percentile(col, 50)
                props[base + "q3"] = np.percentile(col, 75)
    with open(os.path.join(OUT, "expected.properties"), "w") as f:
        f.write("# Generated by eval/src/test/python/make_fixtures.py with scikit-learn 1.2.1\n")
        for key in sorted(props):
            v = props[key]
            f.write("%s=%s\n" % (key, repr(float(v)) if not isinstance(v, int) else str(v)))


if __name__ == "__main__":
    main()
