// Earlier versions of incoming articles: a stored article with another content hash but the same
// URL, or, when neither has a URL, the same title and file name. Their support is replaced.
UNWIND $articles AS incoming
CALL (incoming) {
  MATCH (old:Article {url: incoming.url})
  WHERE old.id <> incoming.id
  RETURN old
  UNION
  MATCH (old:Article {title: incoming.title})
  WHERE incoming.url IS NULL AND old.url IS NULL AND old.id <> incoming.id
    AND coalesce(old.file, '') = coalesce(incoming.file, '')
  RETURN old
}
RETURN incoming.id AS id, collect(DISTINCT old.id) AS previous
