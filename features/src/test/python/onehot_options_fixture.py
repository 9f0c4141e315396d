#!/usr/bin/python3
"""scikit-learn 1.2.1's OneHotEncoder with min_frequency, max_categories, drop and each
handle_unknown, for OneHotEncoderOptionsTest. Run from the repository root:

    /usr/bin/python3 features/src/test/python/onehot_options_fixture.py

Writes features/src/test/resources/features/onehot_options.txt. Per case:

    case <id> minFrequency=<f> minCount=<n> maxCategories=<m> drop=<NONE|FIRST|IF_BINARY|CATEGORY:c> unseen=<ERROR|ZEROS|OTHER>
    fit <values...>
    names <column names...>          (or "names ERROR" when scikit-learn refuses the fit)
    enc <category> -> <row...>        (or "-> ERROR")
    inv <row...> -> <category|None|ERROR>
    quirk <row...> -> <category>      (see below)

Column names use Other for scikit-learn's infrequent_sklearn. The unseen policy is Eddy's
name for handle_unknown: error -> ERROR, ignore -> ZEROS, infrequent_if_exist -> OTHER when
some category is infrequent (ZEROS otherwise, which is what scikit-learn does then).
0 stands for "not set" in minFrequency, minCount and maxCategories.

"quirk": scikit-learn 1.2's inverse_transform of an all-zero row, with handle_unknown='ignore'
and a drop, indexes categories_ (before grouping) with drop_idx_ (after grouping); when rare
categories come first that names the wrong category (corrected in 1.3). The line gives the
category of the dropped column instead, and the script checks that only such rows differ.
"""
import itertools
import os
import numpy as np
from sklearn.preprocessing import OneHotEncoder

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "features",
                   "onehot_options.txt")
# counts: a 2, b 5, c 3, d 3, e 1, f 1 (ties between c and d, and between e and f; the rare
# ones come first in sorted order for a)
FIT = ["b", "c", "a", "d", "b", "e", "c", "b", "d", "a", "f", "b", "c", "d", "b"]
BINARY = ["y", "n", "y", "y", "n", "y"]
UNKNOWN = "zz"


def fmt(v):
    return repr(float(v))


def main():
    lines = []
    case = 0
    freqs = [(0, 0), (0.15, 0), (0, 2), (0, 3)]
    maxcats = [0, 1, 2, 3, 4]
    drops = ["NONE", "FIRST", "IF_BINARY", "CATEGORY:b", "CATEGORY:a", "CATEGORY:c"]
    unknowns = ["error", "ignore", "infrequent_if_exist"]
    for data, (minf, minc), maxc, drop, unknown in itertools.chain(
            itertools.product([FIT], freqs, maxcats, drops, unknowns),
            itertools.product([BINARY], [(0, 0)], [0, 1], ["NONE", "FIRST", "IF_BINARY", "CATEGORY:n"], unknowns)):
        kw = dict(sparse_output=False, handle_unknown=unknown)
        if minf:
            kw["min_frequency"] = minf
        if minc:
            kw["min_frequency"] = minc
        if maxc:
            kw["max_categories"] = maxc
        if drop == "FIRST":
            kw["drop"] = "first"
        elif drop == "IF_BINARY":
            kw["drop"] = "if_binary"
        elif drop != "NONE":
            kw["drop"] = [drop.split(":")[1]]
        X = np.array(data, dtype=object).reshape(-1, 1)
        try:
            enc = OneHotEncoder(**kw).fit(X)
            err = None
        except ValueError as e:
            enc, err = None, e
        infrequent = enc is not None and enc._infrequent_enabled and enc.infrequent_categories_[0] is not None
        unseen = {"error": "ERROR", "ignore": "ZEROS",
                  "infrequent_if_exist": "OTHER" if infrequent else "ZEROS"}[unknown]
        if unknown == "infrequent_if_exist" and enc is None:
            continue  # the same refusal as another handle_unknown, nothing new to check
        case += 1
        lines.append("case %d minFrequency=%s minCount=%d maxCategories=%d drop=%s unseen=%s"
                     % (case, minf, minc, maxc, drop, unseen))
        lines.append("fit " + " ".join(data))
        if enc is None:
            lines.append("names ERROR")
            continue
        names = [n.replace("infrequent_sklearn", "Other") for n in enc.get_feature_names_out(["x"])]
        lines.append("names " + " ".join(names))
        width = len(names)
        for c in sorted(set(data)) + [UNKNOWN]:
            try:
                row = enc.transform(np.array([[c]], dtype=object))[0]
                lines.append("enc " + c + " -> " + " ".join(fmt(v) for v in row))
            except ValueError:
                lines.append("enc " + c + " -> ERROR")
        rows = [np.eye(width)[j] for j in range(width)] + [np.zeros(width)]
        if width >= 2:
            rows.append(np.array([0.2, 0.7] + [0.1] * (width - 2)))
        transformed = enc._compute_transformed_categories(0, remove_dropped=False)
        for r in rows:
            try:
                got = enc.inverse_transform(r.reshape(1, -1))[0][0]
            except ValueError:
                got = "ERROR"
            got = "Other" if got == "infrequent_sklearn" else str(got)
            kind = "inv"
            if width and not r.any() and enc.drop_idx_ is not None and enc.drop_idx_[0] is not None:
                consistent = str(transformed[enc.drop_idx_[0]]).replace("infrequent_sklearn", "Other")
                if consistent != got:
                    assert unknown != "error", (case, got, consistent)
                    kind, got = "quirk", consistent
            lines.append(kind + " " + " ".join(fmt(v) for v in r) + " -> " + got)
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(case, "cases")


if __name__ == "__main__":
    main()
