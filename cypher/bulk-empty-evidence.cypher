// After a bulk import: facts stated without a sentence get the empty evidence lists writeGraph
// stores (a CSV array field cannot be empty). Auto-commit, in batches.
MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL AND r.evidence IS NULL
CALL (r) { SET r.evidence = [], r.evidenceSources = [] } IN TRANSACTIONS OF 10000 ROWS
