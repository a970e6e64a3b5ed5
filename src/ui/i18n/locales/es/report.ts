import type { Translation } from '../../catalogue';
import type { report as english } from '../en/report';

export const report: Translation<typeof english> = {};
