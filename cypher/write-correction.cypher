// Correction records, each linked to the entities it touches (which keeps them when their last
// article goes: the analyst vouches for them). seq orders corrections made in one millisecond;
// imported records bring theirs.
UNWIND $records AS record
CREATE (c:Correction)
SET c = record
WITH c, record, datetime.realtime() AS now
SET c.seq = coalesce(record.seq, now.epochMillis * 1000 + now.microsecond % 1000)
WITH c
UNWIND c.entities AS id
MATCH (n:Entity {id: id})
MERGE (c)-[:CORRECTS]->(n)
