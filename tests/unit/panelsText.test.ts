import { describe, expect, it } from 'vitest';
import { SUN_EXPOSURE_LABELS } from '../../src/domain/ageing';
import { BRUSH_FIELDS } from '../../src/domain/brush';
import { HAIR_LOSS_GROUPS, HAIR_LOSS_LABELS } from '../../src/domain/hairLoss/labels';
import { HAIRLINE_AGE_LABELS, HAIRLINE_SHAPE_LABELS } from '../../src/domain/hairline/presets';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS } from '../../src/domain/pigment';
import { DENSITY_REGION_FIELDS, DOT_FIELDS, HAIR_LOSS_FIELDS, HAIRLINE_FIELDS, SESSION_FIELDS, SKIN_SHINE_FIELD } from '../../src/domain/plan';
import type { PlanPath } from '../../src/domain/planPaths';
import type { Field } from '../../src/domain/schema';
import { FREEFORM_FIELDS, FUE_FIELDS, FUT_FIELDS, SCAR_KIND_LABELS } from '../../src/domain/scars/scars';
import { LANGUAGES } from '../../src/domain/languages';
import { CATALOGUES } from '../../src/ui/i18n/catalogues';
import { fieldLabelKey } from '../../src/ui/i18n/fieldLabel';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

/** Every number field a panel shows as a slider, by the path it has in a plan. */
const SLIDERS: [PlanPath, Field][] = [
  ...Object.entries(DOT_FIELDS).map(([key, field]): [PlanPath, Field] => [['dots', key], field]),
  ...Object.entries(DENSITY_REGION_FIELDS).map(([region, field]): [PlanPath, Field] => [['density', 'regions', region], field]),
  [['hairLoss', 'stubbleMm'], HAIR_LOSS_FIELDS.stubbleMm],
  ...(['transitionMm', 'irregularity', 'sentinels'] as const).map((key): [PlanPath, Field] => [['hairline', key], HAIRLINE_FIELDS[key]]),
  ...Object.entries(SESSION_FIELDS).map(([key, field]): [PlanPath, Field] => [['sessions', 0, key], field]),
  [['skin', 'shine'], SKIN_SHINE_FIELD],
  ...[FUT_FIELDS, FUE_FIELDS, FREEFORM_FIELDS].flatMap((fields) =>
    Object.entries(fields)
      .filter(([, field]) => field.kind === 'number')
      .map(([key, field]): [PlanPath, Field] => [['scars', 'scar-1', key], field]),
  ),
];

describe('the panels’ words', () => {
  it('label every slider in every language, in English as the plan schema does', () => {
    for (const [path, field] of SLIDERS) {
      if (field.kind !== 'number') continue;
      const key = fieldLabelKey(path);
      // The pigment depth is set by the appearance model, not a panel.
      if (key === 'fields.dots.depthMm') continue;
      expect(lookup(CATALOGUES.en.panels, key), key).toBe(field.label);
      for (const language of LANGUAGES) expect(typeof lookup(CATALOGUES[language].panels, key), `${language} ${key}`).toBe('string');
    }
  });

  it('name presets, patterns and kinds in English as the domain does (the API and the report say them so)', () => {
    const en = CATALOGUES.en.panels;
    expect(en.brush.radiusMm).toBe(BRUSH_FIELDS.radiusMm.label);
    expect(en.brush.softness).toBe(BRUSH_FIELDS.softness.label);
    expect(en.brush.amount).toBe(BRUSH_FIELDS.amount.label);
    for (const group of HAIR_LOSS_GROUPS) {
      expect(en.hair.groups[group.id]).toBe(group.label);
      for (const pattern of group.patterns) expect(en.hair.patterns[pattern]).toBe(HAIR_LOSS_LABELS[pattern].description);
    }
    for (const [pattern, name] of Object.entries(en.hair.names)) expect(name).toBe(HAIR_LOSS_LABELS[pattern as keyof typeof en.hair.names].name);
    for (const [age, label] of Object.entries(HAIRLINE_AGE_LABELS)) expect(en.hairline.ages[age as keyof typeof HAIRLINE_AGE_LABELS]).toBe(label);
    for (const [shape, label] of Object.entries(HAIRLINE_SHAPE_LABELS)) expect(en.hairline.shapes[shape as keyof typeof HAIRLINE_SHAPE_LABELS]).toBe(label);
    for (const p of PIGMENT_PRESETS) expect(en.dots.pigments[p.id]).toBe(p.label);
    for (const h of HAIR_COLOR_PRESETS) expect(en.hairColours[h.id]).toBe(h.label);
    for (const [exposure, { label, hint }] of Object.entries(SUN_EXPOSURE_LABELS)) {
      expect(en.sessions.sunExposures[exposure as keyof typeof SUN_EXPOSURE_LABELS]).toEqual({ label, hint });
    }
    for (const [kind, label] of Object.entries(SCAR_KIND_LABELS)) {
      expect(en.scars.kinds[kind as keyof typeof SCAR_KIND_LABELS]).toBe(label);
      expect(CATALOGUES.en.warnings.scarKinds[kind as keyof typeof SCAR_KIND_LABELS]).toBe(label);
    }
  });
});
