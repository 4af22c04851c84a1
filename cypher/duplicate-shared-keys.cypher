// Pairs of entities one alias key names (ingest leaves such keys out as ambiguous, so both stay).
MATCH (k:AliasKey)-[:KEY_OF]->(n:Entity)
WITH k, collect(n.id) AS ids
WHERE size(ids) > 1
UNWIND ids AS a
UNWIND ids AS b
WITH k, a, b
WHERE a < b
RETURN a, b, collect(k.key) AS keys
