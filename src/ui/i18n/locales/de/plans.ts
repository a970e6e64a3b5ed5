import type { Translation } from '../../catalogue';
import type { plans as english } from '../en/plans';

export const plans: Translation<typeof english> = {};
