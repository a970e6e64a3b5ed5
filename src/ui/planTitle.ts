import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../domain/plan';

/**
 * A plan's title as the interface shows it: the client's name, or "Untitled plan" in the chosen language
 * (the domain's `planTitle` is the English one, for files and the page API).
 */
export function usePlanTitle(): (plan: Pick<Plan, 'client'>) => string {
  const { t } = useTranslation('plans');
  return useCallback((plan) => plan.client.name.trim() || t('untitled'), [t]);
}
