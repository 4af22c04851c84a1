// The alias keys of entities analysts corrected (merged-away names and ids among them), for the curated export.
MATCH (:Correction)-[:CORRECTS]->(n:Entity)
WITH DISTINCT n
MATCH (k:AliasKey)-[:KEY_OF]->(n)
RETURN k.key AS key, n.id AS id
ORDER BY key, id
