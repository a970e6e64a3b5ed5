import type { TFunction } from 'i18next';
import type { ClinicError } from '../domain/clinic';

/** The catalogue's key for a field of the profile by its path: `price.amount` → `priceAmount`. */
const fieldKey = (path: string) => path.replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase());

/** A ClinicError in the language `t` translates into: its text, then its cause's when it has one. */
export function clinicErrorText(error: ClinicError, t: TFunction<'clinic'>): string {
  const { key, params } = error.text;
  const label = typeof params?.field === 'string' ? t(`fields.${fieldKey(params.field)}` as never) : '';
  // The key names its namespace (`clinic:errors.…`), made at run time: the catalogue's types cannot follow it.
  const text = t(key as never, { ...params, label });
  const cause = error.cause as ClinicError | undefined;
  return cause?.text ? `${text} ${clinicErrorText(cause, t)}` : text;
}
