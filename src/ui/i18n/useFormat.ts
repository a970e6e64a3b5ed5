import { useTranslation } from 'react-i18next';
import { useView } from '../../app/simulator';
import { formatArea, formatDecimal, formatDensity, formatDensityRange, formatLength, formatLengthRange, formatQuantity, formatViewingDistance } from '../../domain/units';
import { formatDate, formatMoney, formatNumber } from './index';

/**
 * The number formats of the chosen language and units, bound: `f.length(12.5)` → `12.5 mm`, `12,5 mm`, or
 * `0.49 in`. Re-renders its component when either changes.
 */
export function useFormat() {
  const { i18n, t } = useTranslation('panels');
  const units = useView((v) => v.units);
  const locale = i18n.language;
  // What a density counts, in the chosen language: "dots/cm²", "Punkte/cm²".
  const dots = t('units.dots');
  return {
    units,
    locale,
    decimal: (value: number, decimals: number) => formatDecimal(value, decimals, locale),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, options),
    length: (mm: number, decimals = 1) => formatLength(mm, units, decimals, locale),
    lengthRange: (lowMm: number, highMm: number, decimals = 1) => formatLengthRange(lowMm, highMm, units, decimals, locale),
    area: (cm2: number, decimals = 0) => formatArea(cm2, units, decimals, locale),
    density: (perCm2: number, decimals = 0) => formatDensity(perCm2, units, decimals, locale, dots),
    /** `counted` replaces the word "dots" (e.g. follicular units), already in the chosen language. */
    densityRange: (lowPerCm2: number, highPerCm2: number, decimals = 0, counted = dots) => formatDensityRange(lowPerCm2, highPerCm2, units, decimals, locale, counted),
    quantity: (value: number, unit: string, decimals: number) => formatQuantity(value, unit, units, decimals, locale, dots),
    viewingDistance: (mm: number) => formatViewingDistance(mm, units, locale),
    date: formatDate,
    money: formatMoney,
  };
}
