// Texts for articles stored before texts were kept, when the same article (same content hash) is
// ingested again: it is otherwise unchanged, and a text already stored is never replaced.
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
WHERE a.text IS NULL
SET a.text = row.text
