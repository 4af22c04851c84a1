// The stored label of each of these ids that is an entity already (an incoming node must agree),
// except where an analyst set the label (curatedLabel): articles typing it otherwise change nothing.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.curatedLabel IS NULL
RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
