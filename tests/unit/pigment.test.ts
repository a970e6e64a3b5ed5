import { describe, expect, it } from 'vitest';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS, pigmentForHair } from '../../src/domain/pigment';
import { relativeLuminance } from '../../src/domain/color';

describe('pigment shades', () => {
  it('matches each hair colour with a near-neutral grey of the same lightness', () => {
    for (const hair of HAIR_COLOR_PRESETS) {
      const pigment = pigmentForHair(hair.color);
      expect(pigment).toMatch(/^#[0-9a-f]{6}$/);
      expect(relativeLuminance(pigment)).toBeCloseTo(Math.max(relativeLuminance(hair.color), relativeLuminance(PIGMENT_PRESETS[0].color)), 2);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(pigment.slice(i, i + 2), 16));
      expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!)).toBeLessThan(16);
    }
  });

  it('orders shades: black hair gives a darker pigment than blond or grey', () => {
    const lum = (id: string) => relativeLuminance(pigmentForHair(HAIR_COLOR_PRESETS.find((h) => h.id === id)!.color));
    expect(lum('black')).toBeLessThan(lum('dark-brown'));
    expect(lum('dark-brown')).toBeLessThan(lum('light-brown'));
    expect(lum('light-brown')).toBeLessThan(lum('grey'));
  });

  it('never goes darker than undiluted black', () => {
    expect(relativeLuminance(pigmentForHair('#000000'))).toBeCloseTo(relativeLuminance(PIGMENT_PRESETS[0].color), 3);
  });
});
