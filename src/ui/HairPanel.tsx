import { useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan } from '../app/simulator';
import { HAIR_LOSS_GROUPS, HAIR_LOSS_LABELS } from '../domain/hairLoss/labels';
import type { HairLossPattern } from '../domain/hairLoss/patterns';
import { HAIR_COLOR_PRESETS } from '../domain/pigment';
import { HAIR_LOSS_FIELDS } from '../domain/plan';
import { BrushControls } from './BrushControls';
import { ChoiceGroup } from './ChoiceGroup';
import { useFormat } from './i18n/useFormat';
import { PlanSlider } from './PlanSlider';

const HAIR_TARGET = { map: 'hair' } as const;

/** Patterns named by a word (the Norwood and Ludwig stages are named by their number in every language). */
const NAMED_PATTERNS = ['none', 'diffuse', 'areata'] as const satisfies readonly HairLossPattern[];
const isNamed = (pattern: HairLossPattern): pattern is (typeof NAMED_PATTERNS)[number] => (NAMED_PATTERNS as readonly string[]).includes(pattern);

/**
 * The client's hair today: their pattern of hair loss, hair colour and length, and a brush to match the
 * pattern to their scalp. It is drawn as a buzz cut, so SMP can be judged blending into their real hair.
 */
export function HairPanel() {
  const sim = useSimulator();
  const hairLoss = usePlan((p) => p.hairLoss);
  const hairColor = usePlan((p) => p.hairColor);
  const { t } = useTranslation('panels');
  const f = useFormat();
  const name = (pattern: HairLossPattern) => (isNamed(pattern) ? t(`hair.names.${pattern}`) : HAIR_LOSS_LABELS[pattern].name);
  return (
    <section className="panel-section" aria-labelledby="hair-heading">
      <h2 id="hair-heading">{t('hair.heading')}</h2>
      <p className="hint">{t('hair.intro')}</p>
      {HAIR_LOSS_GROUPS.map((group) => (
        <div key={group.id} className="hair-pattern-group">
          <h3>{t(`hair.groups.${group.id}`)}</h3>
          <ChoiceGroup
            label={t('hair.group', { group: t(`hair.groups.${group.id}`) })}
            choices={group.patterns.map((pattern) => ({ value: pattern, label: name(pattern), hint: t(`hair.patterns.${pattern}`) }))}
            value={group.patterns.includes(hairLoss.pattern) ? hairLoss.pattern : null}
            onChange={(pattern) => runCommand(sim, 'plan.set', { path: ['hairLoss', 'pattern'], value: pattern })}
            dataKey="hair-pattern"
            compact={group.patterns.length > 3}
          />
        </div>
      ))}
      <p className="hint" data-testid="hair-pattern-description">
        {t(`hair.patterns.${hairLoss.pattern}`)}
      </p>

      <h3>{t('hair.colour')}</h3>
      <div className="swatches hair-colors" role="radiogroup" aria-label={t('hair.colour')}>
        {HAIR_COLOR_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            role="radio"
            aria-checked={hairColor === preset.color}
            aria-label={t(`hairColours.${preset.id}`)}
            title={t(`hairColours.${preset.id}`)}
            className={`swatch${hairColor === preset.color ? ' selected' : ''}`}
            style={{ background: preset.color }}
            data-hair-color={preset.id}
            onClick={() => runCommand(sim, 'plan.set', { path: ['hairColor'], value: preset.color })}
          />
        ))}
      </div>
      <PlanSlider
        field={HAIR_LOSS_FIELDS.stubbleMm}
        value={hairLoss.stubbleMm}
        path={['hairLoss', 'stubbleMm']}
        hint={t('hair.lengthHint', { none: f.lengthRange(0.5, 1), guard0: f.length(1.5), guard1: f.length(3, 0), guard2: f.length(6, 0) })}
        testId="hair-length"
      />

      <BrushControls
        target={HAIR_TARGET}
        label={t('hair.paint')}
        modeLabels={{ up: t('hair.add'), down: t('hair.remove') }}
        hint={t('hair.brushHint')}
      />
      <div className="row">
        <span className="hint">{t('common.strokes', { count: hairLoss.strokes.length })}</span>
        <button
          type="button"
          className="tool-button"
          disabled={hairLoss.strokes.length === 0}
          data-testid="hair-clear"
          onClick={() => runCommand(sim, 'hair.clear-painting', {})}
        >
          {t('common.clearPainting')}
        </button>
      </div>
    </section>
  );
}
