// Entities: MERGE on id (unique), add the contract label, set properties, union aliases.
// The first stored name stays the name and a different incoming name becomes an alias; a property
// already stored keeps its value (an article adds properties, never overwrites another's), which
// is also the rule entityFromMentions rebuilds an entity by after a delete.
// Rows arrive one per id with aliases that exclude the name (api/store/rows.ts).
// ON MATCH always sets aliases, which write-locks every stored node: relationship writes later in
// this transaction are serialised against concurrent ingests touching the same entities.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$(row.label), n += row.properties, n.name = row.name, n.aliases = row.aliases
  ON MATCH SET n.aliases = reduce(acc = n.aliases, a IN row.aliases + [row.name] | CASE WHEN a = n.name OR a IN acc THEN acc ELSE acc + a END)
WITH n, row
CALL (n, row) {
  UNWIND keys(row.properties) AS key
  WITH key WHERE n[key] IS NULL
  SET n[key] = row.properties[key]
}
