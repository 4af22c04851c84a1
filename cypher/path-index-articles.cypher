// Every article's title, URL and date, held with the in-memory path index (api/store/path-index.ts):
// the sources entity detail lists with a page of facts, without an article lookup each in Neo4j.
MATCH (a:Article)
RETURN a.id AS id, a.title AS title, a.url AS url, a.publishedAt AS publishedAt
