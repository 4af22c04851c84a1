// One page of an entity's neighbours of one label and/or through some relationship types, the best
// connected first (degree: a count the store keeps, no expansion). Bounded for hubs like
// neighbor-counts: at most $cap neighbours are reached per type; total counts those found.
MATCH (n:Entity {id: $id})
CALL (n) {
  UNWIND $types AS type
  CALL (n, type) {
    OPTIONAL MATCH (n)-[:$(type)]-(m:Entity)
    WHERE $label IS NULL OR $label IN labels(m)
    WITH DISTINCT m LIMIT $cap + 1
    RETURN collect(m) AS reached
  }
  RETURN all(x IN collect(size(reached)) WHERE x <= $cap) AS complete, collect(reached[..$cap]) AS perType
}
CALL (perType) {
  UNWIND perType AS reached
  UNWIND reached AS m
  WITH DISTINCT m
  WITH m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.name, m.id
  RETURN collect(m.id) AS ordered
}
RETURN size(ordered) AS total, ordered[$offset..$offset + $limit] AS ids, complete
