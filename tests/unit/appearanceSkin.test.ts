import { describe, expect, it } from 'vitest';
import { linearToLab } from '../../src/domain/color';
import { PIGMENT_PRESETS } from '../../src/domain/pigment';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import {
  DEFAULT_PIGMENT_DEPTH_MM,
  farFieldDarkening,
  inkStrengthForShade,
  predictedDarkening,
  skinAlbedo,
  skinOpticsForMelanin,
  skinOpticsForTone,
} from '../../src/domain/appearance';
import { CHANNEL_WAVELENGTHS_NM, diffuseReflectance, EPIDERMIS_THICKNESS_MM, layerOpticsAt, skinSpectralRgb, SKIN_REFRACTIVE_INDEX } from '../../src/domain/appearance/skin';

describe('skin optics', () => {
  it('darkens every channel as melanin rises', () => {
    const melanins = [0.01, 0.015, 0.03, 0.06, 0.1, 0.2, 0.3];
    const albedos = melanins.map((m) => skinAlbedo(skinOpticsForMelanin(m)));
    for (let i = 1; i < albedos.length; i++) for (const c of [0, 1, 2] as const) expect(albedos[i]![c]).toBeLessThan(albedos[i - 1]![c]);
  });

  it('gives the Monk swatches increasing melanin, on the measured range of skin lightness', () => {
    const optics = MONK_SKIN_TONES.map((t) => skinOpticsForTone(t.color));
    for (let i = 1; i < optics.length; i++) expect(optics[i]!.melaninFraction).toBeGreaterThan(optics[i - 1]!.melaninFraction);
    const lab = optics.map((o) => linearToLab(skinAlbedo(o)));
    // Measured skin: L* ≈ 66–70 for the lightest, ≈ 28–30 for the darkest (Chardon 1991, Del Bino 2006, Wilkes 2015).
    expect(lab[0]![0]).toBeGreaterThan(62);
    expect(lab[0]![0]).toBeLessThan(70);
    expect(lab[9]![0]).toBeGreaterThan(24);
    expect(lab[9]![0]).toBeLessThan(33);
    // Skin is warm: positive a* and b* throughout.
    for (const l of lab) expect(Math.min(l[1], l[2])).toBeGreaterThan(0);
    // Melanin within Jacques 2013's ranges: light 1.3–6.3%, dark 18–43%.
    expect(optics[0]!.melaninFraction).toBeGreaterThan(0.01);
    expect(optics[0]!.melaninFraction).toBeLessThan(0.063);
    expect(optics[9]!.melaninFraction).toBeGreaterThan(0.18);
    expect(optics[9]!.melaninFraction).toBeLessThan(0.43);
  });

  it('refuses a tone that is not a colour', () => {
    expect(() => skinOpticsForTone('pink')).toThrow(/#rrggbb/);
  });

  it("stands each channel's spectrum in for its effective wavelength within 13% (skin up to 10% melanin)", () => {
    // Darker, one wavelength stands less well for the blue channel, whose light then comes from its tails
    // (the channel's value is small then: under 0.07).
    for (const m of [0.005, 0.01, 0.03, 0.1]) {
      const spectral = skinSpectralRgb(m);
      CHANNEL_WAVELENGTHS_NM.forEach((nm, c) => {
        const o = layerOpticsAt(nm, m);
        const single = diffuseReflectance(o.epidermisAbsorption, o.dermisAbsorption, o.reducedScattering, EPIDERMIS_THICKNESS_MM, SKIN_REFRACTIVE_INDEX);
        expect(Math.abs(single / spectral[c]! - 1)).toBeLessThan(0.13);
      });
    }
  });
});

describe('ink and the far field', () => {
  it('derives ink strength from the shade: undiluted black is 1, lighter shades less', () => {
    const strengths = PIGMENT_PRESETS.map((p) => inkStrengthForShade(p.color));
    expect(strengths[0]).toBeCloseTo(1, 6);
    for (let i = 1; i < strengths.length; i++) expect(strengths[i]).toBeLessThan(strengths[i - 1]!);
    expect(inkStrengthForShade('#2e2a28')).toBeCloseTo(0.82, 2);
  });

  it('predicts the default plan darkening as 1 − exp(−n·k·A) on the skin albedo, less on darker skin', () => {
    const plan = { diameterMm: 0.4, depthMm: DEFAULT_PIGMENT_DEPTH_MM, densityPerCm2: 100, shade: '#2e2a28', opacity: 0.85, sessionStrength: 0.8725 };
    const predictions = [1, 3, 6, 9].map((id) => predictedDarkening({ ...plan, optics: skinOpticsForTone(MONK_SKIN_TONES[id - 1]!.color) }));
    for (const p of predictions) {
      const expected = farFieldDarkening(p.kernel, 1, 0.85 * 0.8725);
      p.darkening.forEach((d, c) => expect(d).toBeCloseTo(expected[c]!, 12));
      p.inked.forEach((v, c) => expect(v).toBeCloseTo(p.skin[c]! * (1 - p.darkening[c]!), 12));
      // Red light reaches the pigment most: black ink under skin takes more red than blue (its blue-grey cast).
      expect(p.darkening[0]).toBeGreaterThan(p.darkening[2]);
      expect(p.deltaL).toBeGreaterThan(0.5);
    }
    for (let i = 1; i < predictions.length; i++) expect(predictions[i]!.deltaL).toBeLessThan(predictions[i - 1]!.deltaL);
    const denser = predictedDarkening({ ...plan, densityPerCm2: 150, optics: skinOpticsForTone(MONK_SKIN_TONES[2]!.color) });
    expect(denser.deltaL).toBeGreaterThan(predictions[1]!.deltaL);
  });
});
