import type { Translation } from '../../catalogue';
import type { clinic as english } from '../en/clinic';

export const clinic: Translation<typeof english> = {};
