"""Reference figures from NetworkX for the Wijkweb network analysis tests.

Reads JSON on stdin: {"n": N, "g": [[a, b], ...] (undirected), "d": [[a, b, w], ...] (directed, weighted),
"v": [[a, b], ...] (directed verwijzingen), "partition": [c0, c1, ...]} and prints the metrics as JSON.
Tolerances are tighter than the defaults so both sides converge to the same fixed point.
"""
import json
import sys

import networkx as nx

spec = json.load(sys.stdin)
n = spec["n"]
G = nx.Graph()
G.add_nodes_from(range(n))
G.add_edges_from((a, b) for a, b in spec["g"])
D = nx.DiGraph()
D.add_nodes_from(range(n))
for a, b, w in spec["d"]:
    if D.has_edge(a, b):
        D[a][b]["weight"] += w
    else:
        D.add_edge(a, b, weight=w)
V = nx.DiGraph()
V.add_nodes_from(range(n))
V.add_edges_from((a, b) for a, b in spec["v"])

bc = nx.betweenness_centrality(G, normalized=True)
cc = nx.closeness_centrality(G)
pr = nx.pagerank(D, alpha=0.85, tol=1e-13, max_iter=100000, weight="weight")
cl = nx.clustering(G)
out = {
    "degree": [G.degree(i) for i in range(n)],
    "in_degree": [D.in_degree(i) for i in range(n)],
    "out_degree": [D.out_degree(i) for i in range(n)],
    "weighted_degree": [D.in_degree(i, weight="weight") + D.out_degree(i, weight="weight") for i in range(n)],
    "betweenness": [bc[i] for i in range(n)],
    "closeness": [cc[i] for i in range(n)],
    "pagerank": [pr[i] for i in range(n)],
    "clustering": [cl[i] for i in range(n)],
    "articulation": sorted(nx.articulation_points(G)),
    "bridges": sorted([min(a, b), max(a, b)] for a, b in nx.bridges(G)),
    "components": nx.number_connected_components(G),
    "density": nx.density(G),
    "reciprocity": nx.reciprocity(V) if V.number_of_edges() else None,
}
if G.number_of_edges():
    ev = nx.eigenvector_centrality(G, max_iter=100000, tol=1e-13)
    out["eigenvector"] = [ev[i] for i in range(n)]
if "partition" in spec:
    groups = {}
    for node, c in enumerate(spec["partition"]):
        groups.setdefault(c, set()).add(node)
    out["modularity"] = nx.community.modularity(G, groups.values()) if G.number_of_edges() else 0
if nx.is_connected(G) and n > 1:
    out["average_path_length"] = nx.average_shortest_path_length(G)
print(json.dumps(out))
