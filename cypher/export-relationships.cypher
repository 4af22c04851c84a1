// Every stated fact between entities (not MENTIONS, not alias-key links, not rejected ones), for the contract's export.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
RETURN r {.*, source: a.id, target: b.id, type: type(r)} AS relationship
ORDER BY r.key
