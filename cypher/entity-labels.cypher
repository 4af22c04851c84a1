// The stored label of each of these ids that is an entity already (an incoming node must agree).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
