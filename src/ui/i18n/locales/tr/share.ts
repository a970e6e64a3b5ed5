import type { Translation } from '../../catalogue';
import type { share as english } from '../en/share';

export const share: Translation<typeof english> = {};
