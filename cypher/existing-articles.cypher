// Which of these article ids are already stored (an article stored under the same content hash
// is unchanged and is not written again).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id
