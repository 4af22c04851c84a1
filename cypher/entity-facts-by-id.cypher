// A page of one entity's facts as cypher/entity-facts.cypher gives it, from the relationships
// ($relationships, Neo4j's ids) the in-memory index says hold it (api/store/path-index.ts
// detailWindow: the page and the facts tied with its ends on type and the other end's name): only
// these are read and ordered, not every fact of a hub; $skip of them come before the page.
MATCH (n:Entity {id: $id})
UNWIND $relationships AS relationship
MATCH ()-[r]->() WHERE id(r) = relationship
WITH n, r, CASE WHEN startNode(r) = n THEN endNode(r) ELSE startNode(r) END AS other
ORDER BY type(r), other.name, r.key
SKIP $skip LIMIT $limit
RETURN r.key AS id, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name} AS other,
       [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]] AS properties,
       r.evidence AS evidence, r.evidenceSources AS evidenceSources, coalesce(r.sources, [])[0..$maxSources] AS sourceIds,
       size(coalesce(r.sources, [])) AS sourceCount
