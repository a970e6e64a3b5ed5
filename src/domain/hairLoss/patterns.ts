/**
 * Hair-loss patterns a client may have today (domain notes): Norwood–Hamilton I–VII with the IIIa, III
 * vertex, IVa and Va variants for men, Ludwig I–III for women, diffuse thinning and alopecia areata.
 */
export const HAIR_LOSS_PATTERNS = [
  'none',
  'norwood-1',
  'norwood-2',
  'norwood-3',
  'norwood-3a',
  'norwood-3v',
  'norwood-4',
  'norwood-4a',
  'norwood-5',
  'norwood-5a',
  'norwood-6',
  'norwood-7',
  'ludwig-1',
  'ludwig-2',
  'ludwig-3',
  'diffuse',
  'areata',
] as const;

export type HairLossPattern = (typeof HAIR_LOSS_PATTERNS)[number];
