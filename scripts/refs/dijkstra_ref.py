"""Reference shortest paths for src/numeric/graph/dijkstra.test.ts: scipy.sparse.csgraph.dijkstra
on seeded random undirected graphs (some edges down = absent), written to
test/reference/dijkstra-scipy.json. Run: /usr/bin/python3 scripts/refs/dijkstra_ref.py"""
import json
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

rng = np.random.RandomState(20280321)
graphs = []
for n, p in [(6, 0.5), (30, 0.15), (80, 0.05), (120, 0.03)]:
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.rand() < p:
                edges.append([i, j, float(rng.uniform(1e-3, 1e3))])
    rows = [e[0] for e in edges] + [e[1] for e in edges]
    cols = [e[1] for e in edges] + [e[0] for e in edges]
    w = [e[2] for e in edges] * 2
    m = csr_matrix((w, (rows, cols)), shape=(n, n))
    d = dijkstra(m, directed=True, indices=[0, n // 2])
    graphs.append({"n": n, "edges": edges, "sources": [0, n // 2], "dist": [[None if not np.isfinite(x) else float(x) for x in row] for row in d]})
with open("test/reference/dijkstra-scipy.json", "w") as f:
    json.dump({"source": f"scipy {__import__('scipy').__version__} scipy.sparse.csgraph.dijkstra", "graphs": graphs}, f)
