// `npm run lint` (and `npm test`): ESLint's and typescript-eslint's recommended rules, React's hook rules, and
// no untranslated text in the interface.
import { i18next, js, reactHooks, tseslint } from 'smp-lint';

export default tseslint.config(
  { ignores: ['dist/', 'tests/artifacts/', 'bench-results/', '.vite/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    rules: {
      // tsc checks these already (noUnusedLocals, noUnusedParameters), with the rest-sibling rule ESLint lacks.
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // The scene drives three.js imperatively: it mutates the objects it keeps in refs and memos from effects
    // and frame callbacks, which is how @react-three/fiber is meant to be used, not a React render bug.
    files: ['src/scene/**'],
    rules: { 'react-hooks/immutability': 'off', 'react-hooks/refs': 'off' },
  },
  {
    // Every word a person reads comes from the catalogues (src/ui/i18n): text in JSX and in the attributes
    // people read or hear (labels, hints, placeholders, alternative text) fails the lint.
    files: ['src/ui/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label'] },
        },
      ],
    },
  },
);
