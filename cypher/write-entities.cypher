// Entities: MERGE on id (unique), add the contract label, set properties, union aliases.
// The first stored name stays the name; a different incoming name becomes an alias.
// Rows arrive one per id with aliases that exclude the name (api/store/rows.ts), so every write
// sits inside the MERGE (no read of a property a later clause sets, hence no Eager).
// An analyst's label (curatedLabel) wins over the one articles give.
// ON MATCH always sets aliases, which write-locks every stored node: relationship writes later in
// this transaction are serialised against concurrent ingests touching the same entities.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n:$(row.label), n += row.properties, n.name = row.name, n.aliases = row.aliases
  ON MATCH SET n:$(coalesce(n.curatedLabel, row.label)), n += row.properties,
    n.aliases = reduce(acc = n.aliases, a IN row.aliases + [row.name] | CASE WHEN a = n.name OR a IN acc THEN acc ELSE acc + a END)
