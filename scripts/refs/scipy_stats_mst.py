#!/usr/bin/python3
"""Student-t tests, the t CDF and a Euclidean minimum spanning tree, from scipy.

    /usr/bin/python3 scripts/refs/scipy_stats_mst.py > test/reference/scipy-stats-mst.json

Two small samples (Welch and pooled two-sample tests, a one-sample test against 5, a paired test
of the first 7 x against y), t CDF/SF values including far tails, and the MST of 50 points drawn
by numpy's default_rng(12345) under the Euclidean distance.
"""
import json

import numpy as np
import scipy
from scipy import stats
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial.distance import pdist, squareform

x = [5.1, 4.9, 5.6, 5.8, 6.0, 5.3, 5.5, 4.7]
y = [6.2, 5.9, 6.8, 6.1, 5.7, 6.5, 6.9]


def ttest(r, df):
    return {"t": float(r.statistic), "p_two_sided": float(r.pvalue), "df": df}


nx, ny = len(x), len(y)
vx, vy = np.var(x, ddof=1) / nx, np.var(y, ddof=1) / ny
welch_df = float((vx + vy) ** 2 / (vx**2 / (nx - 1) + vy**2 / (ny - 1)))
out = {
    "scipy": scipy.__version__,
    "x": x,
    "y": y,
    "welch": ttest(stats.ttest_ind(x, y, equal_var=False), welch_df),
    "pooled": ttest(stats.ttest_ind(x, y, equal_var=True), nx + ny - 2),
    "one_sample_mu5": ttest(stats.ttest_1samp(x, 5.0), nx - 1),
    "paired_x7_y": ttest(stats.ttest_rel(x[:7], y), 6),
    "t_cdf": {f"t={t},df={df}": float(stats.t.cdf(t, df)) for t, df in [(2.1, 7.3), (-3.5, 2), (0.5, 1), (10.0, 3), (-40.0, 5), (1.96, 1e6)]},
    "t_sf_tail": {f"t={t},df={df}": float(stats.t.sf(t, df)) for t, df in [(40, 5), (8, 30)]},
}
points = np.random.default_rng(12345).random((50, 2))
tree = minimum_spanning_tree(squareform(pdist(points)))
out["mst"] = {
    "n": 50,
    "points_seed": "numpy default_rng(12345).random((50,2))",
    "points": points.tolist(),
    "total_weight": float(tree.sum()),
    "n_edges": int(tree.nnz),
}
print(json.dumps(out))
