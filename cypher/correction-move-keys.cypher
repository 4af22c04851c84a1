// Alias keys change hands: unlinked from row.from (if any), linked to row.to (if any).
UNWIND $rows AS row
UNWIND row.keys AS key
MERGE (k:AliasKey {key: key})
WITH k, row
OPTIONAL MATCH (k)-[old:KEY_OF]->(:Entity {id: row.from})
DELETE old
WITH DISTINCT k, row
MATCH (n:Entity {id: row.to})
MERGE (k)-[:KEY_OF]->(n)
