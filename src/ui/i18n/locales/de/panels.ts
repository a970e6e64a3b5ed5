import type { Translation } from '../../catalogue';
import type { panels as english } from '../en/panels';

export const panels: Translation<typeof english> = {};
