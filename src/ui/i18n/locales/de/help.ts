import type { Translation } from '../../catalogue';
import type { help as english } from '../en/help';

export const help: Translation<typeof english> = {};
