import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { BRUSH_FIELDS, type BrushMode } from '../domain/brush';
import { percent } from '../domain/format';
import type { BrushTarget } from '../domain/painting';
import { useFormat } from './i18n/useFormat';
import { ChoiceGroup } from './ChoiceGroup';
import { RangeField } from './RangeField';

interface Props {
  /** What this panel's brush paints. */
  target: BrushTarget;
  /** Button text, e.g. "Paint density" (translated, as all the text here). */
  label: string;
  /** Words for the modes on this map, e.g. { up: 'More', down: 'Less' }. */
  modeLabels: Record<Exclude<BrushMode, 'erase'>, string>;
  hint: string;
}

const sameTarget = (a: BrushTarget | null, b: BrushTarget) =>
  a !== null && a.map === b.map && (a.map !== 'scar' || (b.map === 'scar' && a.scarId === b.scarId));

/** Turns the brush on for one map and sets how it paints: more, less or erase; radius, soft edge, strength. */
export function BrushControls({ target, label, modeLabels, hint }: Props) {
  const { viewStore } = useSimulator();
  const active = useView((v) => sameTarget(v.brushTarget, target));
  const brush = useView((v) => v.brush);
  const { t } = useTranslation('panels');
  const f = useFormat();
  const testKey = target.map === 'scar' ? `scar-${target.scarId}` : target.map;
  return (
    <div className="brush-controls">
      <button
        type="button"
        className={`tool-button${active ? ' active' : ''}`}
        aria-pressed={active}
        data-testid={`brush-${testKey}`}
        onClick={() => viewStore.getState().setBrushTarget(active ? null : target)}
      >
        {active ? t('brush.done') : label}
      </button>
      {active && (
        <div className="editing-help">
          <p className="hint">
            {hint} {t('brush.holdStill')}
          </p>
          <ChoiceGroup
            label={t('brush.mode')}
            choices={[
              { value: 'up', label: modeLabels.up },
              { value: 'down', label: modeLabels.down },
              { value: 'erase', label: t('brush.eraser'), hint: t('brush.eraserHint') },
            ]}
            value={brush.mode}
            onChange={(mode) => viewStore.getState().setBrush({ mode })}
            dataKey="brush-mode"
          />
          <RangeField
            label={t('brush.radiusMm')}
            value={brush.radiusMm}
            min={BRUSH_FIELDS.radiusMm.min}
            max={BRUSH_FIELDS.radiusMm.max}
            step={BRUSH_FIELDS.radiusMm.step}
            shown={f.length(brush.radiusMm)}
            onChange={(radiusMm) => viewStore.getState().setBrush({ radiusMm })}
            testId="brush-radius"
          />
          <RangeField
            label={t('brush.softness')}
            value={brush.softness}
            min={0}
            max={1}
            step={BRUSH_FIELDS.softness.step}
            shown={percent(brush.softness)}
            onChange={(softness) => viewStore.getState().setBrush({ softness })}
          />
          <RangeField
            label={t('brush.amount')}
            value={brush.amount}
            min={BRUSH_FIELDS.amount.min}
            max={BRUSH_FIELDS.amount.max}
            step={BRUSH_FIELDS.amount.step}
            shown={percent(brush.amount)}
            onChange={(amount) => viewStore.getState().setBrush({ amount })}
          />
        </div>
      )}
    </div>
  );
}
