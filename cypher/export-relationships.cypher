// Every stated fact between entities (not MENTIONS, not alias-key links), for the contract's export.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r {.*, source: a.id, target: b.id, type: type(r)} AS relationship
ORDER BY r.key
