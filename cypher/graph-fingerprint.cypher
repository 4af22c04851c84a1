// How big the graph is, from Neo4j's count store (constant time): every ingest, deletion, import and
// correction changes one of these (store/graph-stamp.ts joins them to the stamp of kept answers).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
