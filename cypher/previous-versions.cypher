// Earlier versions of incoming articles: a stored article with another content hash and the same
// URL, or, when neither has a URL, the same file (name or path as given). Their support is replaced.
// A title alone identifies nothing: two articles headed "City council news" are two articles.
UNWIND $articles AS incoming
CALL (incoming) {
  MATCH (old:Article {url: incoming.url})
  WHERE old.id <> incoming.id
  RETURN old
  UNION
  MATCH (old:Article {file: incoming.file})
  WHERE incoming.url IS NULL AND old.url IS NULL AND old.id <> incoming.id
  RETURN old
}
RETURN incoming.id AS id, collect(DISTINCT old.id) AS previous
