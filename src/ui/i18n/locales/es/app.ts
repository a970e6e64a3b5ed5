import type { Translation } from '../../catalogue';
import type { app as english } from '../en/app';

export const app: Translation<typeof english> = {
  language: { label: 'Idioma', hint: 'El idioma del simulador y del informe (los planes son los mismos en todos los idiomas)' },
};
