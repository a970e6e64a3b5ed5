import { describe, expect, it } from 'vitest';
import { MAX_CURVATURE_PER_MM, preintegratedDiffuse, preintegratedSkinTable, RELIEF_DIFFUSE_SHARE, SKIN_DIFFUSION_PROFILE } from '../../src/domain/skinShading';

describe('pre-integrated skin diffuse', () => {
  it("uses d'Eon & Luebke's profile: each channel's weights sum to 1", () => {
    for (const c of [0, 1, 2]) expect(SKIN_DIFFUSION_PROFILE.reduce((s, g) => s + g.weight[c]!, 0)).toBeCloseTo(1, 2);
  });

  it("is Lambert's cosine on flat skin and almost so on the scalp's 80 mm radius", () => {
    for (const cos of [-0.5, 0, 0.3, 0.8, 1]) {
      expect(preintegratedDiffuse(cos, 0)).toEqual([Math.max(0, cos), Math.max(0, cos), Math.max(0, cos)]);
      for (const v of preintegratedDiffuse(cos, 1 / 80)) expect(v).toBeCloseTo(Math.max(0, cos), 1);
    }
  });

  it('conserves energy: light redistributed around a curved surface, none made or lost', () => {
    for (const curvature of [0.05, 0.2, MAX_CURVATURE_PER_MM]) {
      const n = 720;
      const sum: [number, number, number] = [0, 0, 0];
      for (let i = 0; i < n; i++) {
        const d = preintegratedDiffuse(Math.cos(-Math.PI + ((i + 0.5) * 2 * Math.PI) / n), curvature);
        for (const c of [0, 1, 2] as const) sum[c] += (d[c] * 2 * Math.PI) / n;
      }
      // ∫ cos⁺ over the circle is 2.
      for (const c of [0, 1, 2]) expect(sum[c]).toBeCloseTo(2, 1);
    }
  });

  it('lets red light wrap past the terminator of an ear or nose, blue hardly', () => {
    const [r, g, b] = preintegratedDiffuse(0, 0.3);
    expect(r).toBeGreaterThan(0.08);
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
    expect(b).toBeLessThan(0.05);
    // Lit side: a little less than Lambert, the light having gone into the shadow.
    const lit = preintegratedDiffuse(1, 0.3);
    expect(lit[0]).toBeLessThan(1);
    expect(lit[0]).toBeGreaterThan(0.8);
  });

  it('shows the fine relief most in blue and least in red', () => {
    expect(RELIEF_DIFFUSE_SHARE[0]).toBeCloseTo(0.333, 3);
    expect(RELIEF_DIFFUSE_SHARE[1]).toBeCloseTo(0.791, 3);
    expect(RELIEF_DIFFUSE_SHARE[2]).toBeCloseTo(0.993, 3);
  });

  it('tabulates N·L from -1 to 1 across and curvature down', () => {
    const t = preintegratedSkinTable(16, 4);
    expect(t.length).toBe(16 * 4 * 4);
    expect(t[0]).toBe(0);
    expect(t[4 * 15]).toBe(1);
    expect(t[4 * (3 * 16 + 15)]).toBeCloseTo(preintegratedDiffuse(1, MAX_CURVATURE_PER_MM)[0], 6);
  });
});
