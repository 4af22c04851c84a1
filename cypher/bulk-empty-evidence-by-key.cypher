// After a bulk import: the facts the import wrote without a sentence or without stated properties
// (bulk-csv.ts lists them) get the empty lists writeGraph stores (a CSV array field cannot be
// empty). Found by their key between their two endpoints, as write-relationships does: no scan.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MATCH (a)-[r {key: row.key}]->(b)
SET r.evidence = coalesce(r.evidence, []), r.evidenceSources = coalesce(r.evidenceSources, []),
    r.statedProperties = coalesce(r.statedProperties, [])
