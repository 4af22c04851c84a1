// Relationships: one per key (type, endpoints in canonical direction, and the title or role that
// tells two facts apart). sources and evidence are appended without duplicates;
// evidenceSources[i] is the article that states evidence[i], so a delete can take it back.
// Both endpoints were SET by write-entities in this transaction, hence write-locked: a concurrent
// MERGE of the same relationship waits, then finds it.
// The stored lists are read once into variables: a fact stated by hundreds of articles has long
// lists, and reading the property again per element would cost a copy each time.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
WITH r, row, coalesce(r.sources, []) AS sources, coalesce(r.evidence, []) AS evidence, coalesce(r.evidenceSources, []) AS evidenceSources
WITH r, row, sources, evidence, evidenceSources,
     [j IN range(0, size(evidence) - 1) | evidenceSources[j] + '|' + evidence[j]] AS stated
WITH r, row, sources, evidence, evidenceSources,
     [i IN range(0, size(row.evidence) - 1) WHERE NOT row.evidenceSources[i] + '|' + row.evidence[i] IN stated] AS fresh
SET r += row.properties,
    r.sources = sources + [s IN row.sources WHERE NOT s IN sources],
    r.evidence = evidence + [i IN fresh | row.evidence[i]],
    r.evidenceSources = evidenceSources + [i IN fresh | row.evidenceSources[i]]
