// The lint plugins, resolved from this package so that typescript-eslint finds its own TypeScript 6.
export { default as js } from '@eslint/js';
export { default as tseslint } from 'typescript-eslint';
export { default as reactHooks } from 'eslint-plugin-react-hooks';
export { default as i18next } from 'eslint-plugin-i18next';
