// Entities a name refers to: those known under one of the name's alias keys, best connected first.
MATCH (k:AliasKey)-[:KEY_OF]->(n:Entity)
WHERE k.key IN $keys
WITH DISTINCT n
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name
ORDER BY COUNT { (n)--(:Entity) } DESC, n.id
LIMIT 1
