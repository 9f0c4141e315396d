#!/usr/bin/python3
"""scikit-learn 1.2.1's OneHotEncoder.inverse_transform on a few encoded rows, for
OneHotEncoderInverseTest. Run from the repository root:

    /usr/bin/python3 features/src/test/python/onehot_inverse_fixture.py

Writes features/src/test/resources/features/onehot_inverse.txt: per case a line
"<case> <min_frequency> <handle_unknown>", the fitting column, then each row to invert
("row v v v ...") followed by the category scikit-learn returns ("-> category", where
infrequent_sklearn stands for our Other column, None for no category and ERROR for a
ValueError).
"""
import os
import numpy as np
from sklearn.preprocessing import OneHotEncoder

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "features",
                   "onehot_inverse.txt")
FIT = ["b", "a", "c", "a", "b", "a", "d", "a", "b", "c"]


def main():
    lines = []
    for case, kw in [("ignore", dict(handle_unknown="ignore")),
                     ("infrequent", dict(handle_unknown="infrequent_if_exist", min_frequency=0.15))]:
        enc = OneHotEncoder(sparse_output=False, **kw).fit(np.array(FIT).reshape(-1, 1))
        width = enc.transform([["a"]]).shape[1]
        lines.append("case " + case + " " + str(kw.get("min_frequency", 0)) + " " + kw["handle_unknown"])
        lines.append("fit " + " ".join(FIT))
        rows = [np.eye(width)[j] for j in range(width)]
        rows.append(np.zeros(width))
        rows.append(np.array([0.2, 0.7] + [0.1] * (width - 2)))
        rows.append(np.array([0.4, 0.4] + [0.0] * (width - 2)))
        for r in rows:
            try:
                got = enc.inverse_transform(r.reshape(1, -1))[0][0]
            except ValueError:
                got = "ERROR"
            lines.append("row " + " ".join(repr(float(v)) for v in r) + " -> " + str(got))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
