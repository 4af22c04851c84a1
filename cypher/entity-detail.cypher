// One entity with a page of its facts ($offset, $limit; by type, then the other end's name), each
// with its evidence, how many articles state it and the first $maxSources of them. Bounded for
// hubs: a city named by thousands of articles has thousands of facts, each with thousands of sources.
// Relationships an analyst rejected are listed apart, with how many articles stated them since.
// Each relationship's own properties come as [key, value] pairs without the $bookkeeping ones: a
// hub's facts carry thousands of source ids and statements each, which this answer does not list.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(other:Entity)
  WHERE type(r) IN $types
  WITH r, other ORDER BY type(r), other.name, r.key
  SKIP $offset LIMIT $limit
  CALL (r) {
    UNWIND coalesce(r.sources, [])[0..$maxSources] AS sourceId
    MATCH (source:Article {id: sourceId})
    RETURN collect(source {.id, .title, .url, .publishedAt}) AS sources
  }
  RETURN [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
            id: r.key, type: type(r),
            direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
            other: {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name},
            properties: [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]],
            evidence: r.evidence, evidenceSources: r.evidenceSources, sources: sources,
            sourceCount: size(coalesce(r.sources, []))} END) WHERE x IS NOT NULL] AS relationships
}
RETURN n {.*, label: [l IN labels(n) WHERE l <> 'Entity'][0]} AS node, relationships,
       COUNT { (n)-[r]-(:Entity) WHERE type(r) IN $types } AS total,
       [(n)-[r]-(other:Entity) WHERE type(r) STARTS WITH 'REJECTED_' | {
          id: r.key, type: substring(type(r), size('REJECTED_')),
          direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
          other: {id: other.id, label: [l IN labels(other) WHERE l <> 'Entity'][0], name: other.name},
          properties: [k IN keys(r) WHERE NOT k IN $bookkeeping | [k, r[k]]],
          evidence: r.evidence, evidenceSources: r.evidenceSources, rejectedBy: r.rejectedBy, rejectedIn: r.rejectedIn,
          restatedSince: CASE WHEN size(r.sources) > r.sourcesAtRejection THEN size(r.sources) - r.sourcesAtRejection ELSE 0 END}] AS rejected
