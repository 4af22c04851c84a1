// Alias keys an entity no longer answers to (its names changed with a deleted article): unlink
// them, and drop keys that name nothing else.
UNWIND $rows AS row
MATCH (k:AliasKey)-[link:KEY_OF]->(:Entity {id: row.id})
WHERE NOT k.key IN row.keys
DELETE link
WITH DISTINCT k
WHERE NOT EXISTS { (k)-[:KEY_OF]->() }
DELETE k
