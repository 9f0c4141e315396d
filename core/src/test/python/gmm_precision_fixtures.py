#!/usr/bin/python3
"""Golden precisions for io.eddy.mixture.GaussianMixtureModel (run with /usr/bin/python3,
scikit-learn 1.2.1), from the repository root:

    /usr/bin/python3 core/src/test/python/gmm_precision_fixtures.py

For iris and wine (core/src/test/resources/gmm/<data>.csv, written by gmm_fixtures.py) and
every covariance type, fits sklearn.mixture.GaussianMixture (k = 3, random_state = 0) and
records weights_, means_, covariances_, precisions_ and precisions_cholesky_, flattened in
C order: core/src/test/resources/gmm/precision_fixtures.txt, one "key value value ..." line
per item, doubles written with repr. The Java test builds a model from the weights, means and
covariances and compares its precisions; the fit itself is not under test here.
"""
import os

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

DIR = os.path.join(os.path.dirname(__file__), "..", "resources", "gmm")
TYPES = {"full": "full", "diagonal": "diag", "spherical": "spherical", "tied": "tied"}


def main():
    lines = ["# scikit-learn " + sklearn.__version__ + ", gmm_precision_fixtures.py"]
    for data in ["iris", "wine"]:
        X = np.loadtxt(os.path.join(DIR, data + ".csv"), delimiter=",")
        for ours, theirs in TYPES.items():
            g = GaussianMixture(n_components=3, covariance_type=theirs, random_state=0).fit(X)
            key = data + "." + ours
            for name, value in [("weights", g.weights_), ("means", g.means_),
                                ("covariances", g.covariances_), ("precisions", g.precisions_),
                                ("precisions_cholesky", g.precisions_cholesky_)]:
                flat = np.asarray(value, dtype=np.float64).ravel()
                lines.append(key + "." + name + " " + " ".join(repr(float(v)) for v in flat))
    with open(os.path.join(DIR, "precision_fixtures.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
