// Which of these relationships (by key, between their two endpoints) are stored already:
// write-relationships updates those and write-new-relationships creates the others. Only keys and
// endpoints are sent here, so each relationship's evidence and properties cross the wire once.
// Both endpoints were written by write-entities in this transaction, hence write-locked: a
// concurrent ingest of the same fact waits for this one to commit, then finds it here.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MATCH (a)-[r {key: row.key}]->(b)
RETURN row.key AS key
