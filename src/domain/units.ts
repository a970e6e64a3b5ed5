/**
 * Metric or imperial display. The plan itself is always in millimetres (and cm², dots per cm²): only what
 * people read changes, so a plan made in inches is the same plan.
 */
export const UNIT_SYSTEMS = ['metric', 'imperial'] as const;
export type UnitSystem = (typeof UNIT_SYSTEMS)[number];

const MM_PER_INCH = 25.4;
const CM2_PER_SQUARE_INCH = 6.4516;

/**
 * A number with exactly `decimals` decimals, as `locale` (a BCP 47 tag) writes it: `12.5` in English, `12,5` in
 * German or Turkish. Without a locale, as JavaScript writes it (the API's and the plan file's wording).
 */
export function formatDecimal(value: number, decimals: number, locale?: string): string {
  const digits = Math.max(0, decimals);
  if (!locale) return value.toFixed(digits);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
const round = formatDecimal;

/** A length given in mm: `12.5 mm`, or in inches (`0.49 in`) with two more decimals, as inches are 25× larger. */
export function formatLength(mm: number, units: UnitSystem, decimals = 1, locale?: string): string {
  return units === 'metric' ? `${round(mm, decimals, locale)} mm` : `${round(mm / MM_PER_INCH, decimals + 2, locale)} in`;
}

/** A range of lengths given in mm: `5–10 mm`, or `0.20–0.39 in`. */
export function formatLengthRange(lowMm: number, highMm: number, units: UnitSystem, decimals = 1, locale?: string): string {
  const low = units === 'metric' ? round(lowMm, decimals, locale) : round(lowMm / MM_PER_INCH, decimals + 2, locale);
  return `${low}–${formatLength(highMm, units, decimals, locale)}`;
}

/** An area given in cm²: `582 cm²`, or `90 in²`. */
export function formatArea(cm2: number, units: UnitSystem, decimals = 0, locale?: string): string {
  return units === 'metric' ? `${round(cm2, decimals, locale)} cm²` : `${round(cm2 / CM2_PER_SQUARE_INCH, decimals, locale)} in²`;
}

/**
 * A density given per cm²: `100 dots/cm²`, or `645 dots/in²`. `dots` is what is counted, in the reader's
 * language (`Punkte/cm²`) or another word (`follicular units/cm²`).
 */
export function formatDensity(perCm2: number, units: UnitSystem, decimals = 0, locale?: string, dots = 'dots'): string {
  return units === 'metric' ? `${round(perCm2, decimals, locale)} ${dots}/cm²` : `${round(perCm2 * CM2_PER_SQUARE_INCH, decimals, locale)} ${dots}/in²`;
}

/** A range of densities given per cm²: `65–90 dots/cm²`, or `419–581 dots/in²`. */
export function formatDensityRange(lowPerCm2: number, highPerCm2: number, units: UnitSystem, decimals = 0, locale?: string, dots?: string): string {
  const low = units === 'metric' ? round(lowPerCm2, decimals, locale) : round(lowPerCm2 * CM2_PER_SQUARE_INCH, decimals, locale);
  return `${low}–${formatDensity(highPerCm2, units, decimals, locale, dots)}`;
}

/**
 * A plan value in its schema unit (`mm`, `cm²`, `dots/cm²`, or anything else, shown as it is) for the
 * chosen system, with `decimals` as the metric display would use.
 */
export function formatQuantity(value: number, unit: string, units: UnitSystem, decimals: number, locale?: string, dots?: string): string {
  if (unit === 'mm') return formatLength(value, units, decimals, locale);
  if (unit === 'cm²') return formatArea(value, units, decimals, locale);
  if (unit === 'dots/cm²') return formatDensity(value, units, decimals, locale, dots);
  return unit ? `${round(value, decimals, locale)} ${unit}` : round(value, decimals, locale);
}

/** How far away someone stands, as people say it: `30 cm`, `1 m`, `3 m`, or in feet (`1 ft`, `3 ft`, `10 ft`). */
export function formatViewingDistance(mm: number, units: UnitSystem, locale?: string): string {
  if (units === 'imperial') return `${Math.max(1, Math.round(mm / (12 * MM_PER_INCH)))} ft`;
  if (mm < 1000) return `${Math.round(mm / 10)} cm`;
  const m = Number((mm / 1000).toFixed(1));
  return `${locale ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m) : m} m`;
}
