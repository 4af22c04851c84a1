// A page of one entity's facts ($offset, $limit; by type, then the other end's name), one row each
// (small records: the driver decodes one large record far more slowly), with its evidence, how
// many articles state it and the ids of the first $maxSources of them (their titles, URLs and dates
// come from the in-memory index, else from cypher/articles-by-id.cypher). Bounded for hubs: a city named by
// thousands of articles has thousands of facts, each with thousands of sources. $types is written
// into the pattern when the query is loaded (cypherWithTypes): a hub's MENTIONS are never read.
// Each relationship's own properties come as [key, value] pairs without the $bookkeeping ones: a
// hub's facts carry thousands of source ids and statements each, which this answer does not list.
MATCH (n:Entity {id: $id})-[r:$any($types)]-(other:Entity)
WITH n, r, other ORDER BY type(r), other.name, r.key
SKIP $offset LIMIT $limit
RETURN r.key AS id, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name} AS other,
       [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]] AS properties,
       r.evidence AS evidence, r.evidenceSources AS evidenceSources, coalesce(r.sources, [])[0..$maxSources] AS sourceIds,
       size(coalesce(r.sources, [])) AS sourceCount
