/**
 * The whole plan measured on a head: the consultation figures and every warning that comes from measuring.
 * Worked out by `TreatmentArea.measure` (./hairline/treatmentArea.ts): the hairline's figures
 * (`measureHairline`), the sessions and hours from the work-rate model (./workRate.ts) and each scar's coverage
 * (./scars/coverage.ts). The dot settings' own warnings need no head: ./warnings.ts.
 */
import type { ScarMeasurement } from './scars/coverage';
import type { PlanWarning } from './warnings';

export interface PlanMeasurements {
  /** Mid-frontal point above the glabella, along the skin, mm. */
  hairlineHeightMm: number;
  /**
   * Straight-line distance between the frontotemporal points, mm; 0 when the line does not reach both
   * lateral epicanthal lines (a real width is at least the distance between the canthi, ~80 mm).
   */
  frontotemporalWidthMm: number;
  treatedAreaCm2: number;
  impressions: number;
  /** Sessions planned (the plan's own), or suggested when the plan gives none. */
  sessions: number;
  /** Sessions this area and density usually take (2–4, from the work-rate model). */
  suggestedSessions: number;
  /** Chair time of each planned session, hours. */
  sessionHours: number[];
  /** Total hours across all sessions. */
  hours: number;
  warnings: PlanWarning[];
  /**
   * Each scar's area and coverage with SMP: always there from `TreatmentArea.measure` (and so from
   * `window.smp.getMeasurements()`); `measureHairline` alone measures no scars.
   */
  scars?: ScarMeasurement[];
}
