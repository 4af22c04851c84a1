// How the code may depend on itself, checked by tests/unit/architecture.test.ts (npm test, so CI).
// The swc parser does not tell type-only imports apart: they count like any other (a loop through
// types is still a loop to read), and the few type-only imports across layers are named below.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Import loops make modules that cannot be read, loaded or tested alone.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'store-knows-no-language',
      comment: 'The store writes and reads graphs; what names mean is extraction’s business, handed in (AliasKeys).',
      severity: 'error',
      from: { path: '^api/store/' },
      // The API's answer shapes are declared once, in http/schemas.ts; the store reads only their types.
      to: { path: '^api/(extract|ingest|http|cli)/', pathNot: '^api/http/schemas\\.ts$' },
    },
    {
      name: 'extraction-is-pure',
      comment: 'Extraction is plain functions, text in and graph out: no store, no server, no files.',
      severity: 'error',
      from: { path: '^api/extract/' },
      to: { path: '^(api/(store|ingest|http|cli)/|neo4j/)' },
    },
    {
      name: 'model-is-data',
      comment: 'The graph model is read by every layer and the viewer, so it imports nothing.',
      severity: 'error',
      from: { path: '^api/graph/model\\.ts$' },
      to: {},
    },
    {
      name: 'graph-below-everything',
      comment: 'api/graph (model, schema, identity, merge) is what the layers share; it uses none of them.',
      severity: 'error',
      from: { path: '^api/graph/' },
      to: { path: '^(api/(extract|store|ingest|http|cli)/|neo4j/)' },
    },
    {
      name: 'viewer-bundles-only-the-model',
      comment: 'The viewer loads the graph model; the API’s types come through viz/src/api.ts (type-only imports), so nothing else of the server ends up in its bundle.',
      severity: 'error',
      from: { path: '^viz/', pathNot: '^viz/src/api\\.ts$' },
      to: { path: '^(api/|neo4j/)', pathNot: '^api/graph/model\\.ts$' },
    },
  ],
  options: {
    parser: 'swc', // TypeScript 7 has no JavaScript compiler API for dependency-cruiser to use
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
