// Duplicate candidates analysts dismissed (and did not undo).
MATCH (c:Correction {action: 'dismiss'})
WHERE c.undoneBy IS NULL
RETURN c.entities AS entities
