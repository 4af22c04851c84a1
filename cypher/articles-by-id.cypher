// Title, URL, file and date of the articles with these ids: the sources shown with each hop of a
// path, and what identifies an article's later versions (a split by article).
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.url AS url, a.file AS file, a.publishedAt AS publishedAt
