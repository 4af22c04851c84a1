// The graph schema, applied at every start by applySchema() (api/store/neo4j.ts); every statement is
// idempotent (IF NOT EXISTS). Statements end with a semicolon at the end of a line.

// Every entity carries :Entity plus its label; ids are unique across all entities, and per label
// (those constraints, and the range indexes on dates, come from the graph model: api/store/schema.ts).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;

// Normalised alias keys ("Person|daisuke miyajima") point at the entity they name: lookup across ingests.
CREATE CONSTRAINT alias_key_id IF NOT EXISTS FOR (k:AliasKey) REQUIRE k.key IS UNIQUE;

// Search by name or alias, typo-tolerant (GET /api/entities); exact names for from/to in GET /api/paths.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// Dates (ISO 8601 strings at year, month or day precision) compare as strings: range indexes serve since/until.
CREATE INDEX article_published_at IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);

CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url);
CREATE INDEX article_file IF NOT EXISTS FOR (a:Article) ON (a.file);

// Analyst corrections (api/curation): one record each, listed newest first.
CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE;
CREATE INDEX correction_seq IF NOT EXISTS FOR (c:Correction) ON (c.seq);
