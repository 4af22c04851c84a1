// The audit log, newest first, optionally of one entity or one relationship (key).
MATCH (c:Correction)
WHERE ($entity IS NULL OR $entity IN c.entities) AND ($relationship IS NULL OR $relationship IN c.relationships)
RETURN c {.*} AS correction
ORDER BY c.seq DESC
LIMIT $limit
