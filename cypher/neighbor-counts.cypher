// How many neighbours an entity has per label and per relationship type, for the viewer's "expand by
// type" menu. Bounded for hubs: at most $cap relationships are read (one more tells whether that was
// all of them), so the counts are exact below the cap and lower bounds above it.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN $types
  WITH r, m LIMIT $cap + 1
  RETURN count(r) AS read, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, [l IN labels(m) WHERE l <> 'Entity'][0]] END)[..$cap] AS pairs
}
CALL (pairs) {
  UNWIND pairs AS pair
  WITH DISTINCT pair[0] AS type, pair[1] AS id
  WITH type, count(*) AS count ORDER BY count DESC, type
  RETURN collect({type: type, count: count}) AS types
}
CALL (pairs) {
  UNWIND pairs AS pair
  WITH DISTINCT pair[1] AS id, pair[2] AS label
  WITH label, count(*) AS count ORDER BY count DESC, label
  RETURN collect({label: label, count: count}) AS labels, sum(count) AS total
}
RETURN n.id AS id, total, labels, types, read <= $cap AS complete
