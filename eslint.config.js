// @ts-check
import tseslint from 'typescript-eslint';

const clockBan = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core never reads the system clock: take a Clock.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the system clock: take a Clock.' },
  { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local|utc)$/][arguments.length=0]", message: 'The core never reads the system clock: take a Clock.' },
  { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The core gets configuration passed in (parseConfig), never from process.env.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.recert/**', 'coverage/**', '.ci/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-restricted-properties': ['error', { object: 'vi', property: 'mock', message: 'Inject dependencies instead of mocking modules.' }],
      'max-lines': ['warn', { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...clockBan],
      'max-lines-per-function': ['warn', { max: 45, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Migrations are frozen in time: they take Kysely<any> on purpose, so they never depend on src/ types.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
);
