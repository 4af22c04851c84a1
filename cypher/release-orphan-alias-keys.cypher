// Before orphan entities go: unlink their alias keys and drop keys that name nothing else.
UNWIND $entityIds AS entityId
MATCH (n:Entity {id: entityId})
WHERE NOT EXISTS { (n)-[r]-() WHERE NOT r:KEY_OF }
MATCH (k:AliasKey)-[link:KEY_OF]->(n)
DELETE link
WITH DISTINCT k
WHERE NOT EXISTS { (k)-[:KEY_OF]->() }
DELETE k
