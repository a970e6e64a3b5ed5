/**
 * A plan field's label in the chosen language. src/domain/schema.ts's fields carry English labels (the API's
 * and the docs' wording); the interface finds its own by the field's path in the plan, list indices and scar
 * ids left out: `['scars', 'fut-1', 'uptake']` → `panels:fields.scars.uptake`.
 */
import { useTranslation } from 'react-i18next';
import type { PlanPath } from '../../domain/planPaths';

/** The catalogue key of the label of the field at `path`. */
export function fieldLabelKey(path: PlanPath): string {
  const names = path.filter((part, i) => typeof part === 'string' && !(path[0] === 'scars' && i === 1));
  return `fields.${names.join('.')}`;
}

/** The label of the field at `path`, or `english` (the schema's) where the catalogue has none. */
export function useFieldLabel(): (path: PlanPath, english: string) => string {
  const { t } = useTranslation('panels');
  return (path, english) => (t as unknown as (key: string, options: { defaultValue: string }) => string)(fieldLabelKey(path), { defaultValue: english });
}
