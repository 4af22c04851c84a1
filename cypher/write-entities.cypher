// Entities: MERGE on id (unique), add the contract label, set properties, union aliases.
// The first stored name stays the name; a different incoming name becomes an alias.
// SET also write-locks every node, so relationship MERGEs later in this transaction are serialised.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.name = row.name, n.aliases = []
SET n:$(row.label), n += row.properties
WITH n, [a IN row.aliases + [row.name] WHERE a <> n.name] AS incoming
SET n.aliases = reduce(acc = n.aliases, a IN incoming | CASE WHEN a IN acc THEN acc ELSE acc + a END)
