import { useSimulator, useView } from '../app/simulator';
import { BRUSH_FIELDS, type BrushMode } from '../domain/brush';
import { percent } from '../domain/format';
import { formatLength } from '../domain/units';
import type { BrushTarget } from '../domain/painting';
import { ChoiceGroup } from './ChoiceGroup';
import { RangeField } from './RangeField';

interface Props {
  /** What this panel's brush paints. */
  target: BrushTarget;
  /** Button text, e.g. "Paint density". */
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
  const units = useView((v) => v.units);
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
        {active ? 'Done painting' : label}
      </button>
      {active && (
        <div className="editing-help">
          <p className="hint">{hint} The head holds still while you paint; use the view buttons to turn it.</p>
          <ChoiceGroup
            label="Brush"
            choices={[
              { value: 'up', label: modeLabels.up },
              { value: 'down', label: modeLabels.down },
              { value: 'erase', label: 'Eraser', hint: 'Removes earlier painting under the brush' },
            ]}
            value={brush.mode}
            onChange={(mode) => viewStore.getState().setBrush({ mode })}
            dataKey="brush-mode"
          />
          <RangeField
            label={BRUSH_FIELDS.radiusMm.label}
            value={brush.radiusMm}
            min={BRUSH_FIELDS.radiusMm.min}
            max={BRUSH_FIELDS.radiusMm.max}
            step={BRUSH_FIELDS.radiusMm.step}
            shown={formatLength(brush.radiusMm, units)}
            onChange={(radiusMm) => viewStore.getState().setBrush({ radiusMm })}
            testId="brush-radius"
          />
          <RangeField
            label={BRUSH_FIELDS.softness.label}
            value={brush.softness}
            min={0}
            max={1}
            step={BRUSH_FIELDS.softness.step}
            shown={percent(brush.softness)}
            onChange={(softness) => viewStore.getState().setBrush({ softness })}
          />
          <RangeField
            label={BRUSH_FIELDS.amount.label}
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
