import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { usePlan, useSimulator, useView } from '../app/simulator';
import { warningText } from '../domain/warnings';
import { HAIRLINE_AGE_LABELS, HAIRLINE_AGES, HAIRLINE_SHAPE_LABELS, HAIRLINE_SHAPES } from '../domain/hairline/presets';
import { percent } from '../domain/format';
import { sameData } from '../domain/plainData';
import { formatArea, formatLength, formatLengthRange } from '../domain/units';
import { HAIRLINE_FIELDS } from '../domain/plan';
import { ChoiceGroup } from './ChoiceGroup';
import { PlanSlider } from './PlanSlider';
import { useMeasurements } from './useMeasurements';


export function HairlinePanel() {
  const sim = useSimulator();
  const { viewStore, headStore } = sim;
  const hairline = usePlan((p) => p.hairline);
  const editing = useView((v) => v.editingHairline);
  const selected = useView((v) => v.selectedHairlinePoint);
  const units = useView((v) => v.units);
  const m = useMeasurements();
  const head = useStore(headStore, (s) => s.head);
  // A line is custom once its points differ from the preset they started from.
  const custom =
    hairline.points.length >= 3 && (!head || !sameData(hairline.points, head.treatment.preset(hairline.age, hairline.shape).points));


  return (
    <section className="panel-section" aria-labelledby="hairline-heading">
      <h2 id="hairline-heading">Hairline</h2>
      <p className="hint">Presets follow the facial landmarks (Garg method). Edit to shape the line on the head; the dots follow at once.</p>
      <h3>Age</h3>
      <ChoiceGroup
        label="Hairline age"
        choices={HAIRLINE_AGES.map((age) => ({ value: age, label: HAIRLINE_AGE_LABELS[age] }))}
        value={custom ? null : hairline.age}
        onChange={(age) => runCommand(sim, 'hairline.apply-preset', { age, shape: hairline.shape })}
        dataKey="hairline-age"
      />
      <h3>Shape</h3>
      <ChoiceGroup
        label="Hairline shape"
        choices={HAIRLINE_SHAPES.map((shape) => ({ value: shape, label: HAIRLINE_SHAPE_LABELS[shape] }))}
        value={custom ? null : hairline.shape}
        onChange={(shape) => runCommand(sim, 'hairline.apply-preset', { age: hairline.age, shape })}
        dataKey="hairline-shape"
      />
      {custom && <p className="hint">Custom line (edited). Pick a preset to start again from the landmarks.</p>}
      <div className="row">
        <button type="button" className={`tool-button${editing ? ' active' : ''}`} aria-pressed={editing} data-testid="edit-hairline" onClick={() => viewStore.getState().setEditingHairline(!editing)}>
          {editing ? 'Done editing' : 'Edit hairline'}
        </button>
        <label className="check">
          <input type="checkbox" checked={hairline.mirror} onChange={(e) => runCommand(sim, 'hairline.set-mirror', { mirror: e.currentTarget.checked })} />
          Mirror left and right
        </label>
      </div>
      {editing && (
        <div className="editing-help">
          <p className="hint">Drag a handle over the skin. Double-click near the line to add a point; select a point and press Delete to remove it. The red handle is the mid-frontal point.</p>
          <button type="button" className="tool-button" disabled={selected === null} onClick={() => runCommand(sim, 'hairline.remove-point', {})}>
            Remove selected point
          </button>
        </div>
      )}
      <PlanSlider field={HAIRLINE_FIELDS.transitionMm} value={hairline.transitionMm} path={['hairline', 'transitionMm']} hint={`Density builds up over this width behind the line (0 = a crisp, lined-up edge; natural: ${formatLengthRange(5, 10, units, 0)}).`} testId="hairline-transition" />
      <PlanSlider field={HAIRLINE_FIELDS.irregularity} value={hairline.irregularity} path={['hairline', 'irregularity']} format={percent} hint="Natural unevenness of the line at small and large scale." />
      <PlanSlider field={HAIRLINE_FIELDS.sentinels} value={hairline.sentinels} path={['hairline', 'sentinels']} format={percent} hint={`Isolated impressions ${formatLengthRange(1, 3, units, 0)} in front of the line, as natural hairlines have.`} />

      <h3>Measurements</h3>
      {m ? (
        <dl className="measurements" data-testid="measurements">
          <dt>Hairline height</dt>
          <dd>{formatLength(m.hairlineHeightMm, units, 0)} <small>mid-frontal point above the glabella, along the skin</small></dd>
          <dt>Frontotemporal width</dt>
          <dd>{m.frontotemporalWidthMm > 0 ? formatLength(m.frontotemporalWidthMm, units, 0) : <>Not measured <small>the line does not reach both temples</small></>}</dd>
          <dt>Treated area</dt>
          <dd>{formatArea(m.treatedAreaCm2, units)}</dd>
          <dt>Impressions</dt>
          <dd>≈ {Math.round(m.impressions / 100) * 100}</dd>
          <dt>Sessions</dt>
          <dd>
            {m.sessions}{' '}
            {m.suggestedSessions > 0 && <small>{m.suggestedSessions === m.sessions ? 'as usual for this area' : `${m.suggestedSessions} usual for this area`}</small>}
          </dd>
          <dt>Time</dt>
          <dd>{m.impressions > 0 ? `≈ ${m.hours} h in all` : 'None: no dots to place'}</dd>
        </dl>
      ) : (
        <p className="hint">Measuring…</p>
      )}
      {m && m.warnings.length > 0 && (
        <ul className="warnings" aria-label="Hairline warnings">
          {m.warnings.map((w) => (
            <li key={w.id}>{warningText(w, units)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
