/** Dependency direction, checked in CI: the core knows nothing of platforms; adapters use its public entry. */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-adapter',
      comment: 'src/ is the platform-free core: it never imports adapters, the CLI or tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(adapters|bin|test|bench)/' },
    },
    {
      name: 'core-imports-no-platform-sdk',
      comment: 'Slack, Teams and HTTP server SDKs stay in adapters/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: 'node_modules/(@slack/|@microsoft/|botbuilder|botframework-|express/|@azure/)' },
    },
    {
      name: 'adapters-use-core-public-entry',
      comment: 'Adapters import the core only through src/index.ts, never its internals.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'migrations-frozen',
      comment: 'Migrations are frozen in time: they import nothing from the app.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(src|adapters|bin|test)/' },
    },
    {
      name: 'driver-only-in-db-layer',
      comment: 'Only the database layer talks to pg and PGlite directly.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: 'node_modules/(pg|@electric-sql)/' },
    },
    {
      name: 'adapters-independent',
      comment: 'One platform adapter never imports another (the CLI composes them; common/ is shared).',
      severity: 'error',
      from: { path: '^adapters/(slack|teams|shell)/' },
      to: { path: '^adapters/(slack|teams|shell|cli)/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'common-wording-platform-free',
      comment: 'adapters/common (wording, the presentation model) is shared by Slack, the terminal and Teams: no platform SDK, no adapter.',
      severity: 'error',
      from: { path: '^adapters/common/' },
      to: { path: ['^adapters/(slack|teams|shell|cli)/', 'node_modules/(@slack/|@microsoft/|botbuilder|botframework-|express/|@azure/)'] },
    },
    {
      name: 'teams-sdk-only-in-teams-adapter',
      comment: 'Every Teams and botbuilder type stays inside adapters/teams/, so a move to the Teams SDK touches that folder only (test/unit/teams-sdk-boundary.test.ts checks tests, benches and scripts too).',
      severity: 'error',
      from: { pathNot: '^adapters/teams/' },
      to: { path: 'node_modules/(@microsoft/teams|@microsoft/agents-|botbuilder|botframework-)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
