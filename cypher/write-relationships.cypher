// Relationships: one per key (type, endpoints in canonical direction, and the title or role that
// tells two facts apart). sources and evidence are appended without duplicates;
// evidenceSources[i] is the article that states evidence[i], so a delete can take it back.
// Both endpoints were SET by write-entities in this transaction, hence write-locked: a concurrent
// MERGE of the same relationship waits, then finds it.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
  ON CREATE SET r.sources = [], r.evidence = [], r.evidenceSources = []
SET r += row.properties
WITH r, row,
     [i IN range(0, size(row.evidence) - 1)
      WHERE NOT any(j IN range(0, size(r.evidence) - 1)
                    WHERE r.evidence[j] = row.evidence[i] AND r.evidenceSources[j] = row.evidenceSources[i])] AS fresh
SET r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources],
    r.evidence = r.evidence + [i IN fresh | row.evidence[i]],
    r.evidenceSources = r.evidenceSources + [i IN fresh | row.evidenceSources[i]]
