// Relationships already stored (found by their key between their two endpoints): the incoming
// articles' ids join `sources`, what they state of its properties joins `statedProperties` (and
// properties not stored yet are added), their sentences join `evidence` (at most $maxEvidence in all),
// and evidenceSources[i] names the article that states evidence[i], so a delete can take it back. An article already among the
// sources (the same article ingested concurrently) adds nothing. writeGraph gives it only the rows
// stored-relationship-keys found; write-new-relationships creates the others.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
MATCH (a)-[r {key: row.key}]->(b)
WITH r, row, [s IN row.sources WHERE NOT s IN r.sources] AS fresh
WITH r, row, fresh, [i IN range(0, size(row.evidence) - 1) WHERE row.evidenceSources[i] IN fresh] AS stated
// evidence stops growing at $maxEvidence sentences (sources keeps every article)
WITH r, row, fresh, CASE WHEN size(r.evidence) >= $maxEvidence THEN [] ELSE stated[0..($maxEvidence - size(r.evidence))] END AS kept
SET r.sources = r.sources + fresh,
    r.statedProperties = coalesce(r.statedProperties, []) + [s IN row.statedProperties WHERE split(s, '\t')[0] IN fresh],
    r.evidence = r.evidence + [i IN kept | row.evidence[i]],
    r.evidenceSources = r.evidenceSources + [i IN kept | row.evidenceSources[i]]
// a property already stored keeps its value: a later article adds properties, never overwrites them
WITH r, row
CALL (r, row) {
  UNWIND keys(row.properties) AS key
  WITH key WHERE r[key] IS NULL
  SET r[key] = row.properties[key]
}
