// After a bulk import: facts stated without a sentence or without properties get the empty lists
// writeGraph stores (a CSV array field cannot be empty). Auto-commit, in batches.
MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL AND (r.evidence IS NULL OR r.statedProperties IS NULL)
CALL (r) {
  SET r.evidence = coalesce(r.evidence, []), r.evidenceSources = coalesce(r.evidenceSources, []),
      r.statedProperties = coalesce(r.statedProperties, [])
} IN TRANSACTIONS OF 10000 ROWS
