// Every entity's names, for the duplicate review (api/curation/duplicates.ts compares them).
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name, coalesce(n.aliases, []) AS aliases
