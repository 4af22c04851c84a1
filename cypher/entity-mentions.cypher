// What the articles still mentioning these entities state of them, oldest article first (see
// write-articles). Entities stored before mentions kept this (no name on one of them) are left out
// and keep what they have.
UNWIND $entityIds AS entityId
MATCH (n:Entity {id: entityId})<-[m:MENTIONS]-(a:Article)
WITH n, m, a ORDER BY coalesce(a.storedAt, 0), a.id
WITH n, collect(m {.name, .aliases, .properties}) AS mentions
WHERE all(m IN mentions WHERE m.name IS NOT NULL AND m.properties IS NOT NULL)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, mentions
