// One linter for the whole repository: typed rules for TypeScript, hooks rules for React.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const oneClock = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read the time from the Clock you were given (core/clock.ts), not new Date().',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read the time from the Clock you were given (core/clock.ts), not Date.now().',
  },
];

/** The main process's timers run on the Clock, so a test or the fleet simulation moves time instead of waiting. */
const timersOnTheClock = {
  selector: 'CallExpression[callee.name=/^(setTimeout|setInterval)$/]',
  message:
    'Put the timer on the Clock you were given (clock.after / clock.every); a timer that must run in the machine’s time says why in an eslint-disable comment.',
};

const logNameStyle = {
  selector:
    'CallExpression[callee.property.name=/^(info|warn|error)$/]:matches([callee.object.name=/^(log|logger)$/], [callee.object.property.name=/^(log|logger)$/]) > Literal:first-child[value!=/^[a-z]+(\\.[a-z_]+)+$/]',
  message: 'Log names are `family.what_happened`: lower case, dots between, snake_case words.',
};

const sleepMessage =
  'Move a manual clock, poll for what a user would see, or hold the answer; a real pause goes through tests/sleep.ts with its reason.';
const noHandMadeSleeps = [
  {
    selector:
      "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']",
    message: sleepMessage,
  },
  { selector: "CallExpression[callee.property.name='waitForTimeout']", message: sleepMessage },
  {
    // A deadline made by hand is a polling loop made by hand.
    selector:
      "BinaryExpression[operator='+'] > CallExpression.left[callee.object.name='performance'][callee.property.name='now']",
    message: 'Poll with tests/poll.ts (pollUntil), which says what it waited for.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '.*.cjs', 'build/scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Handlers are async to satisfy the contract's Promise<Result> even when they need no await.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
      eqeqeq: 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer has no Node: nothing personal may reach storage either.
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'indexedDB'],
      // The renderer reaches the main process only through the contract; never its modules.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            'node:*',
            '**/electron/store/**',
            '**/electron/kiosk/**',
            '**/electron/sync/**',
            '**/electron/audit/**',
            '**/electron/config/**',
            '**/electron/devices/transport/**',
          ],
        },
      ],
    },
  },
  {
    // One clock (core/clock.ts): everything else is given a Clock, so any date can be tested.
    files: ['**/*.{ts,tsx}'],
    ignores: ['core/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneClock] },
  },
  {
    // The main process: one style of log name (`family.what_happened`), as the audit catalogue's,
    // and no function over 120 lines.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...oneClock, logNameStyle, timersOnTheClock],
      // Small units: a factory that grows past this splits into the parts it is made of.
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    ignores: ['tests/sleep.ts', 'tests/poll.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneClock, ...noHandMadeSleeps] },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
