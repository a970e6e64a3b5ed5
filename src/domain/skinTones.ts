/** The ten Monk Skin Tone swatches (sRGB), lightest to darkest, as published for the MST scale. */
export const MONK_SKIN_TONES = [
  { id: 1, color: '#f6ede4' },
  { id: 2, color: '#f3e7db' },
  { id: 3, color: '#f7ead0' },
  { id: 4, color: '#eadaba' },
  { id: 5, color: '#d7bd96' },
  { id: 6, color: '#a07e56' },
  { id: 7, color: '#825c43' },
  { id: 8, color: '#604134' },
  { id: 9, color: '#3a312a' },
  { id: 10, color: '#292420' },
] as const;

export function monkToneOf(color: string): number | undefined {
  return MONK_SKIN_TONES.find((t) => t.color === color.toLowerCase())?.id;
}
