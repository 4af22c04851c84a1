// How many neighbours an entity has per relationship type and per label, for the viewer's "expand by
// type" menu. Bounded for hubs: each type reads at most $cap neighbours through the store's index of
// the node's relationships by type (a dynamic type, so a hub's 20,000 sister cities do not hide its
// mayors), one more telling whether that was all; counts are exact below the cap, lower bounds above.
MATCH (n:Entity {id: $id})
CALL (n) {
  UNWIND $types AS type
  CALL (n, type) {
    OPTIONAL MATCH (n)-[:$(type)]-(m:Entity)
    WITH DISTINCT m LIMIT $cap + 1
    RETURN collect(m) AS reached
  }
  WITH type, reached WHERE size(reached) > 0
  RETURN collect({type: type, count: CASE WHEN size(reached) > $cap THEN $cap ELSE size(reached) END, reached: reached[..$cap]}) AS perType,
         all(x IN collect(size(reached)) WHERE x <= $cap) AS complete
}
CALL (perType) {
  UNWIND perType AS t
  UNWIND t.reached AS m
  WITH DISTINCT m
  WITH [l IN labels(m) WHERE l <> 'Entity'][0] AS label, count(*) AS count ORDER BY count DESC, label
  RETURN collect({label: label, count: count}) AS labels, sum(count) AS total
}
RETURN n.id AS id, total, labels, [t IN perType | {type: t.type, count: t.count}] AS types, complete
