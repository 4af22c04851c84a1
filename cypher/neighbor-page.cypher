// One page of an entity's neighbours of one label and/or through one relationship type, the best
// connected first (degree: a count the store keeps, no expansion). Bounded for hubs like
// neighbor-counts: at most $cap relationships are read; total counts the neighbours found.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types AND ($label IS NULL OR $label IN labels(m))
  WITH m LIMIT $cap + 1
  WITH collect(m) AS read
  RETURN size(read) <= $cap AS complete, [x IN read[..$cap] | x] AS reached
}
CALL (reached) {
  UNWIND reached AS m
  WITH DISTINCT m
  WITH m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.name, m.id
  RETURN collect(m.id) AS ordered
}
RETURN size(ordered) AS total, ordered[$offset..$offset + $limit] AS ids, complete
