// Entities by id, one row per id in the order given, entity null when no entity has that id.
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
RETURN id, CASE WHEN n IS NULL THEN null ELSE {id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name} END AS entity
