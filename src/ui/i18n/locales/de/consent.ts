import type { Translation } from '../../catalogue';
import type { consent as english } from '../en/consent';

export const consent: Translation<typeof english> = {};
