// An entity by id, with how connected it is.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name
