/** How numbers are written for people, one way everywhere (panels, report): units spaced, as in the README. */

/** A share 0..1 as a whole percentage: `0.25` → `25 %`. */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** A number of years: `1 year`, `4.5 years`. */
export const years = (y: number): string => `${Number.isInteger(y) ? y.toFixed(0) : y.toFixed(1)} year${y === 1 ? '' : 's'}`;
