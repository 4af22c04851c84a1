// Relationships whose properties are rebuilt from the statements left (propertiesFromStatements):
// the bookkeeping stays, every other property is replaced.
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.id
SET r = r {.key, .sources, .evidence, .evidenceSources, .statedProperties}, r += row.properties
