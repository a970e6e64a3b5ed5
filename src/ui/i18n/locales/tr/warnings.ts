import type { Translation } from '../../catalogue';
import type { warnings as english } from '../en/warnings';

export const warnings: Translation<typeof english> = {};
