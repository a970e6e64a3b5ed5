import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { HAIR_LOSS_GROUPS, HAIR_LOSS_LABELS } from '../domain/hairLoss/labels';
import { HAIR_COLOR_PRESETS } from '../domain/pigment';
import { HAIR_LOSS_FIELDS } from '../domain/plan';
import { formatLength, formatLengthRange } from '../domain/units';
import { BrushControls } from './BrushControls';
import { ChoiceGroup } from './ChoiceGroup';
import { PlanSlider } from './PlanSlider';

const HAIR_TARGET = { map: 'hair' } as const;

/**
 * The client's hair today: their pattern of hair loss, hair colour and length, and a brush to match the
 * pattern to their scalp. It is drawn as a buzz cut, so SMP can be judged blending into their real hair.
 */
export function HairPanel() {
  const sim = useSimulator();
  const hairLoss = usePlan((p) => p.hairLoss);
  const hairColor = usePlan((p) => p.hairColor);
  const units = useView((v) => v.units);
  return (
    <section className="panel-section" aria-labelledby="hair-heading">
      <h2 id="hair-heading">Hair today</h2>
      <p className="hint">The client's own hair as it is now, cut short: see how the SMP blends into it and shows under thinning hair.</p>
      {HAIR_LOSS_GROUPS.map((group) => (
        <div key={group.label} className="hair-pattern-group">
          <h3>{group.label}</h3>
          <ChoiceGroup
            label={`Hair loss: ${group.label}`}
            choices={group.patterns.map((pattern) => ({ value: pattern, label: HAIR_LOSS_LABELS[pattern].name, hint: HAIR_LOSS_LABELS[pattern].description }))}
            value={group.patterns.includes(hairLoss.pattern) ? hairLoss.pattern : null}
            onChange={(pattern) => runCommand(sim, 'plan.set', { path: ['hairLoss', 'pattern'], value: pattern })}
            dataKey="hair-pattern"
            compact={group.patterns.length > 3}
          />
        </div>
      ))}
      <p className="hint" data-testid="hair-pattern-description">
        {HAIR_LOSS_LABELS[hairLoss.pattern].description}
      </p>

      <h3>Hair colour</h3>
      <div className="swatches hair-colors" role="radiogroup" aria-label="Hair colour">
        {HAIR_COLOR_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            role="radio"
            aria-checked={hairColor === preset.color}
            aria-label={preset.label}
            title={preset.label}
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
        hint={`Clipper guards: none about ${formatLengthRange(0.5, 1, units)}, #0 ${formatLength(1.5, units)}, #1 ${formatLength(3, units, 0)}, #2 ${formatLength(6, units, 0)}.`}
        testId="hair-length"
      />

      <BrushControls
        target={HAIR_TARGET}
        label="Paint hair"
        modeLabels={{ up: 'Add hair', down: 'Remove hair' }}
        hint="Drag over the scalp to add hair where the client has more than the pattern shows, or remove it where they have less."
      />
      <div className="row">
        <span className="hint">
          {hairLoss.strokes.length} painted stroke{hairLoss.strokes.length === 1 ? '' : 's'}
        </span>
        <button
          type="button"
          className="tool-button"
          disabled={hairLoss.strokes.length === 0}
          data-testid="hair-clear"
          onClick={() => runCommand(sim, 'hair.clear-painting', {})}
        >
          Clear painting
        </button>
      </div>
    </section>
  );
}
