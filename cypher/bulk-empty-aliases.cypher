// After a bulk import: entities without aliases get the empty list writeGraph stores (a CSV
// array field cannot be empty: the importer leaves the property out). Auto-commit, in batches.
MATCH (n:Entity) WHERE n.aliases IS NULL
CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 10000 ROWS
