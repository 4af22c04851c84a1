// The entities on the routes GET /api/paths chose, with every property and their label.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node
