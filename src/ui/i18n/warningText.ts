/**
 * The plan's warnings in the reader's language and units. The domain says each warning in English (its
 * `message`, the API's wording) and gives the values it names (`params`); this writes it again from the
 * `warnings` catalogue. Every part of the interface that shows a warning (the panels, the report) uses it:
 *
 *   const warningText = useWarningText();
 *   <li key={w.id}>{warningText(w)}</li>
 *
 * or, outside a component, `writeWarning(w, i18n.getFixedT(language), format)` with `format` as `useFormat()`
 * gives it.
 */
import { useTranslation } from 'react-i18next';
import { percent } from '../../domain/format';
import { formatDecimal } from '../../domain/units';
import { warningText as englishText, type PlanWarning, type WarningParam } from '../../domain/warnings';
import { useFormat } from './useFormat';

/** The formats `writeWarning` needs: `useFormat()`'s. */
type Format = Pick<ReturnType<typeof useFormat>, 'units' | 'locale' | 'length' | 'lengthRange' | 'density'>;
/** Any translate function; a warning's key is only known at run time. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The catalogue key of a warning: its id (a scar's without the scar), then its variant where it has one. */
export function warningKey(warning: PlanWarning): string {
  const id = warning.id.startsWith('scar-coverage:') ? 'scar-coverage' : warning.id;
  return warning.params?.variant ? `${id}.${warning.params.variant}` : id;
}

const isList = (value: WarningParam): value is readonly string[] => Array.isArray(value);

function writeValue(value: WarningParam, t: Translate, f: Format): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isList(value)) return value.map((name) => t(`warnings:landmarks.${name}`)).join(` ${t('warnings:landmarks.and')} `);
  if ('mm' in value) return f.length(value.mm, value.decimals);
  // A height on the face is said in centimetres; in inches it keeps one more decimal, as the domain's does.
  if ('cm' in value) return f.units === 'metric' ? `${formatDecimal(value.cm / 10, value.decimals, f.locale)} cm` : f.length(value.cm, value.decimals - 1);
  if ('mmRange' in value) return f.lengthRange(value.mmRange[0], value.mmRange[1], value.decimals);
  if ('perCm2' in value) return f.density(value.perCm2);
  if ('share' in value) return percent(value.share);
  return t(`warnings:scarKinds.${value.scarKind}`);
}

/**
 * A warning in the language of `t` and the units and number format of `f`; a warning the catalogue does
 * not know yet is shown in the domain's English rather than not at all.
 */
export function writeWarning(warning: PlanWarning, t: Translate, f: Format): string {
  // `count` passes through as a number, so it also picks the plural form.
  const values = Object.fromEntries(Object.entries(warning.params ?? {}).map(([name, value]) => [name, writeValue(value, t, f)]));
  return t(`warnings:${warningKey(warning)}`, { ...values, defaultValue: englishText(warning, f.units) });
}

/** `writeWarning` bound to the chosen language and units; re-renders its component when either changes. */
export function useWarningText(): (warning: PlanWarning) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (warning) => writeWarning(warning, t as unknown as Translate, f);
}
