// `npm run lint` (and `npm test`): ESLint's and typescript-eslint's recommended rules, and React's hook rules.
import { js, reactHooks, tseslint } from 'smp-lint';

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
);
