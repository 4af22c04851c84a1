// Take back what these articles state: their ids leave every relationship's sources, their
// sentences leave its evidence, and a relationship no article supports any more is deleted.
// Relationships are reached through the articles' MENTIONS (every endpoint is mentioned), never
// by scanning all relationships. Relationships an analyst added or rejected stay (the analyst is
// their source; a rejection must hold when another article states the fact again).
UNWIND $articleIds AS articleId
MATCH (:Article {id: articleId})-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WHERE articleId IN r.sources
WITH r, collect(DISTINCT articleId) AS gone
WITH r, gone, [i IN range(0, size(r.evidence) - 1) WHERE NOT r.evidenceSources[i] IN gone] AS kept
SET r.sources = [s IN r.sources WHERE NOT s IN gone],
    r.evidence = [i IN kept | r.evidence[i]],
    r.evidenceSources = [i IN kept | r.evidenceSources[i]]
WITH r
WHERE size(r.sources) = 0 AND r.addedBy IS NULL AND r.rejectedIn IS NULL
DELETE r
