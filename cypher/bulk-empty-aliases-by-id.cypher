// After a bulk import: the entities the import wrote without aliases (bulk-csv.ts lists them) get
// the empty list writeGraph stores (a CSV array field cannot be empty). Found by id: no scan.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.aliases = []
