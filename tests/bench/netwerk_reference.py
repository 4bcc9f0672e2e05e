"""Reference timings for `npm run bench`: NetworkX and python-igraph (Debian packages) on the same graph.

stdin: {"n": N, "edges": [[a, b, w], ...] (directed, weighted), "networkx": true|false, "repeat": R}. Prints seconds
per library: NetworkX once, igraph the median of R runs (default 1). The undirected simple graph of the edges is used
for betweenness and closeness, the directed one for PageRank, as Wijkweb does.
"""
import json
import sys
import time

spec = json.load(sys.stdin)
n, edges = spec["n"], spec["edges"]
out = {}
if spec.get("networkx"):
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((a, b) for a, b, _ in edges if a != b)
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    for a, b, w in edges:
        if a != b:
            D.add_edge(a, b, weight=D[a][b]["weight"] + w if D.has_edge(a, b) else w)
    t = time.perf_counter()
    nx.betweenness_centrality(G, normalized=True)
    nx.closeness_centrality(G)
    nx.pagerank(D, weight="weight")
    out["networkx"] = time.perf_counter() - t
try:
    import igraph as ig

    G = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges if a != b], directed=False).simplify()
    D = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges if a != b], directed=True, edge_attrs={"weight": [w for a, b, w in edges if a != b]})
    runs = []
    for _ in range(max(1, int(spec.get("repeat", 1)))):
        t = time.perf_counter()
        G.betweenness(directed=False)
        G.closeness()
        D.pagerank(weights="weight")
        runs.append(time.perf_counter() - t)
    out["igraph"] = sorted(runs)[len(runs) // 2]
except ImportError:
    out["igraph"] = None
print(json.dumps(out))
