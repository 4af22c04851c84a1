// Write-lock the entities a correction touches before reading them, so a concurrent ingest either
// finishes first (and the correction sees what it wrote) or waits for the correction to commit.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.correctionLock = true
REMOVE n.correctionLock
