import type { Translation } from '../../catalogue';
import type { app as english } from '../en/app';

export const app: Translation<typeof english> = {
  language: { label: 'Sprache', hint: 'Die Sprache des Simulators und des Berichts (Pläne bleiben in jeder Sprache gleich)' },
};
