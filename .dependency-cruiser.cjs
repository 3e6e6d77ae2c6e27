// The architecture's rules, checked in CI (`npm run depcruise`). The README lists them with the
// module graph; a rule here that fails names the file and the import that broke it.
const PURE = '(\\.math|student-t|-rules|\\.export|\\.charts)\\.ts$|^src/(lifecycle/(gate-criteria|signals|strategy-fit|stages)|charts/chart|common/(months|money|csv|dates|group-by|words|json-body))\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Feature folders depend on each other in one direction only.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      comment: 'No module imports itself through others.',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-files-stay-pure',
      severity: 'error',
      comment:
        'The math, the rules and the other pure files import nothing from Nest or TypeORM, so their unit tests need neither.',
      from: { path: PURE },
      to: { path: '^node_modules/(@nestjs|typeorm|@nestjs/typeorm|class-validator|class-transformer)/' },
    },
    {
      name: 'pure-files-import-pure-files',
      severity: 'error',
      comment: 'A pure file imports only other pure files and entity types (types vanish at build).',
      from: { path: PURE },
      to: {
        path: '^src/',
        pathNot: [PURE, '\\.entity\\.ts$', '^src/i18n/(language|translate|labels)\\.ts$', '^src/(common|business-case|results|lifecycle|readiness|pilots|channels|finance|charts)/[^/]*(types|fields|labels|metrics|columns|ids|domain-error|money|months|time-zone|phrase|dates)[^/]*\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shared-folders-import-no-feature',
      severity: 'error',
      comment: 'common/, database/, config/, web/ and i18n/ serve every feature and so import none.',
      from: { path: '^src/(common|database|config|web|i18n)/' },
      to: { path: '^src/', pathNot: '^src/(common|database|config|web|types|i18n)/' },
    },
    {
      name: 'only-the-demo-imports-demo',
      severity: 'error',
      comment:
        'The demo data is one module; the sign-in page gets its list of demo accounts through a provider.',
      from: { path: '^src/', pathNot: ['^src/demo/', '^src/app\\.module\\.ts$', '^src/cli\\.ts$'] },
      to: { path: '^src/demo/' },
    },
    {
      name: 'features-own-their-tables',
      severity: 'error',
      comment:
        "A feature reads and writes its own entities; another feature asks it through its service. Entity relations and types are fine; the demo seeds every table.",
      from: { path: '^src/([^/]+)/', pathNot: ['\\.entity\\.ts$', '^src/demo/'] },
      to: {
        path: '^src/[^/]+/.+\\.entity\\.ts$',
        pathNot: '^src/$1/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-database-in-controllers',
      severity: 'error',
      comment: 'A controller asks a service; it does not touch the DataSource or an EntityManager.',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '^node_modules/typeorm/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
