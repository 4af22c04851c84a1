// Every entity, for the contract's export.
MATCH (n:Entity)
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node
ORDER BY n.id
