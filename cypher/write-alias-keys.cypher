// Alias keys: one (:AliasKey {key}) node per normalised name, linked to the entities it names,
// so the next ingest can find "Mayor Lyu" among 100k articles with one index lookup per key.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
UNWIND row.keys AS key
MERGE (k:AliasKey {key: key})
MERGE (k)-[:KEY_OF]->(n)
