/**
 * The plan's warnings: plain-language advice from the domain notes wherever a choice is risky. The hairline,
 * sessions and scar warnings come from measuring the plan on the head (`PlanMeasurements.warnings`); the dot
 * warnings from the dot settings alone. The screen shows every one, and so does the report (`planWarnings`).
 */
import { relativeLuminance } from './color';
import type { Plan } from './plan';
import type { ScarKind } from './scars/scars';
import { formatDensity, formatLength, formatLengthRange, type UnitSystem } from './units';

export interface PlanWarning {
  /**
   * Stable id for the UI and tests: 'low-hairline' | 'asymmetric' | 'off-skin' | 'on-face' | 'on-ear' |
   * 'no-area' | 'few-sessions' | 'scar-coverage:<scar id>' | 'large-dots' | 'heavy-spread' | 'dense-dots' |
   * 'blue-cast'.
   */
  id: string;
  /** What the warning says, lengths in millimetres (or centimetres): the API's wording. */
  message: string;
  /** The same in inches, where it names lengths; shown in imperial mode (`warningText`). */
  imperial?: string;
  /**
   * The values the warning names, so the interface can write it in any language and units (src/ui/i18n/
   * warningText.ts): numbers and words as they are, quantities by kind. `variant` picks the wording where one
   * id has several (e.g. 'mean' or 'stretch' for 'asymmetric'); `count` picks the plural form.
   */
  params?: WarningParams;
}

/** A value a warning names: plain, a list of landmark names (`leftTragus`), or a value to write out. */
export type WarningParam = string | number | readonly string[] | WarningValue;

/**
 * A value written in the reader's language and units: a length in mm (`mm`), a length in mm said in
 * centimetres in metric (`cm`), a range of lengths in mm, a density per cm², a share shown as a percentage,
 * or a kind of scar (named as a sentence says it).
 */
export type WarningValue =
  | { mm: number; decimals: number }
  | { cm: number; decimals: number }
  | { mmRange: readonly [number, number]; decimals: number }
  | { perCm2: number }
  | { share: number }
  | { scarKind: ScarKind };

export type WarningParams = Readonly<Record<string, WarningParam>> & { variant?: string; count?: number };

/** A warning as a person reads it in these units. */
export function warningText(warning: PlanWarning, units: UnitSystem): string {
  return units === 'imperial' && warning.imperial ? warning.imperial : warning.message;
}

/** A warning's wording in both unit systems, from one sentence written for either. */
export const inBothUnits = (text: (units: UnitSystem) => string): { message: string; imperial: string } => ({ message: text('metric'), imperial: text('imperial') });

/** Dots over this diameter read as large blurred dots (mm). */
export const LARGE_DOT_MM = 1.0;
/** Ink spread above this is what dots placed too deep look like after healing. */
export const HEAVY_SPREAD = 0.7;
/** Above this density (dots/cm²) dots start to merge into a solid tone. */
export const MERGING_DENSITY_PER_CM2 = 160;

/** What the dot warnings read from a plan. */
export interface DotWarningInput {
  dots: Pick<Plan['dots'], 'diameterMm' | 'densityPerCm2' | 'color' | 'softness'>;
  skin: Pick<Plan['skin'], 'color'>;
}

/** Advice on the dot settings, from the domain notes. */
export function dotWarnings(plan: DotWarningInput): PlanWarning[] {
  const { dots } = plan;
  const out: PlanWarning[] = [];
  if (dots.diameterMm > LARGE_DOT_MM) {
    out.push({
      id: 'large-dots',
      params: { max: { mm: LARGE_DOT_MM, decimals: 0 }, usual: { mmRange: [0.25, 0.5], decimals: 2 } },
      ...inBothUnits(
        (u) =>
          `Dots over ${formatLength(LARGE_DOT_MM, u, 0)} read as large blurred dots: the flat "helmet" look. Healed follicle impressions are usually ${formatLengthRange(0.25, 0.5, u, 2)}.`,
      ),
    });
  }
  if (dots.softness > HEAVY_SPREAD) out.push({ id: 'heavy-spread', message: 'Heavy ink spread is what dots placed too deep look like after healing.' });
  if (dots.densityPerCm2 > MERGING_DENSITY_PER_CM2) {
    out.push({ id: 'dense-dots', params: { density: { perCm2: MERGING_DENSITY_PER_CM2 } }, ...inBothUnits((u) => `Above about ${formatDensity(MERGING_DENSITY_PER_CM2, u)} dots start to merge into a solid tone.`) });
  }
  if (relativeLuminance(plan.skin.color) > 0.6 && relativeLuminance(dots.color) < 0.012) {
    out.push({ id: 'blue-cast', message: 'Undiluted black on fair skin risks a blue cast as it heals: a diluted grey usually matches better.' });
  }
  return out;
}

/** Every warning the screen shows for the plan: those from measuring it on the head, then the dot settings'. */
export function planWarnings(plan: DotWarningInput, measured: readonly PlanWarning[]): PlanWarning[] {
  return [...measured, ...dotWarnings(plan)];
}
