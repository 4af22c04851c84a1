// Entities no article mentions and no relationship touches any more.
UNWIND $entityIds AS entityId
MATCH (n:Entity {id: entityId})
WHERE NOT EXISTS { (n)--() }
DELETE n
