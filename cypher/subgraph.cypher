// The entities with these ids and the relationships of the allowed types among them, as
// Cytoscape elements' data.
MATCH (n:Entity) WHERE n.id IN $ids
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $types AND b IN nodes
  RETURN collect(r {.*, source: a.id, target: b.id, type: type(r)}) AS edges
}
RETURN [n IN nodes | n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes, edges
