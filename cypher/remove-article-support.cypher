// Take back what these articles state: their ids leave every relationship's sources, their
// sentences leave its evidence, their statements of its properties leave statedProperties, and a
// relationship no article supports any more is deleted. Returns the relationships that stay and
// lost a statement: their properties are rebuilt from the statements left (reset-relationship-properties).
// Relationships are reached through the articles' MENTIONS (every endpoint is mentioned), never
// by scanning all relationships. Relationships an analyst added or rejected stay (the analyst is
// their source; a rejection must hold when another article states the fact again).
UNWIND $articleIds AS articleId
MATCH (:Article {id: articleId})-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WHERE articleId IN r.sources
WITH r, collect(DISTINCT articleId) AS gone
WITH r, gone, [i IN range(0, size(r.evidence) - 1) WHERE NOT r.evidenceSources[i] IN gone] AS kept,
     [s IN coalesce(r.statedProperties, []) WHERE NOT split(s, '\t')[0] IN gone] AS statements
WITH r, gone, kept, statements, size(statements) < size(coalesce(r.statedProperties, [])) AS restated
SET r.sources = [s IN r.sources WHERE NOT s IN gone],
    r.evidence = [i IN kept | r.evidence[i]],
    r.evidenceSources = [i IN kept | r.evidenceSources[i]],
    r.statedProperties = statements
WITH r, elementId(r) AS id, size(r.sources) = 0 AND r.addedBy IS NULL AND r.rejectedIn IS NULL AS unsupported, restated, statements
FOREACH (_ IN CASE WHEN unsupported THEN [1] ELSE [] END | DELETE r)
WITH id, restated, unsupported, statements
WHERE restated AND NOT unsupported
RETURN id, statements
