import type { Translation } from '../../catalogue';
import type { app as english } from '../en/app';

export const app: Translation<typeof english> = {
  language: { label: 'Dil', hint: 'Simülatörün ve raporun dili (planlar her dilde aynı kalır)' },
};
