import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { expectedCoverage } from '../domain/dots/coverage';
import { cellSizeMm } from '../domain/dots/lattice';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS } from '../domain/pigment';
import { DOT_FIELDS } from '../domain/plan';
import { percent } from '../domain/format';
import { formatDensityRange, formatLength } from '../domain/units';
import { dotWarnings, warningText } from '../domain/warnings';
import { PlanSlider } from './PlanSlider';

export function DotsPanel() {
  const sim = useSimulator();
  const dots = usePlan((p) => p.dots);
  const hairColor = usePlan((p) => p.hairColor);
  const skinColor = usePlan((p) => p.skin.color);
  const units = useView((v) => v.units);
  const setColor = (color: string, gesture?: string) => runCommand(sim, 'plan.set', { path: ['dots', 'color'], value: color }, gesture ? { gesture } : {});
  const matchHair = (color: string) => runCommand(sim, 'dots.match-hair', { color });
  const warnings = dotWarnings({ dots, skin: { color: skinColor } }).map((w) => warningText(w, units));
  return (
    <section className="panel-section" aria-labelledby="dots-heading">
      <h2 id="dots-heading">Dots</h2>
      <p className="hint">
        Each dot is one pigment impression, drawn at true size. Spacing {formatLength(cellSizeMm(dots.densityPerCm2), units, 2)} · covers{' '}
        {percent(expectedCoverage(dots.densityPerCm2, dots.diameterMm))} of the treated scalp.
      </p>
      <PlanSlider field={DOT_FIELDS.diameterMm} value={dots.diameterMm} path={['dots', 'diameterMm']} testId="dots-diameter" />
      <PlanSlider
        field={DOT_FIELDS.densityPerCm2}
        value={dots.densityPerCm2}
        path={['dots', 'densityPerCm2']}
        hint={`Impressions per ${units === 'metric' ? 'cm²' : 'in²'} at full density (natural hair: about ${formatDensityRange(65, 90, units).replace('dots', 'follicular units')}).`}
        testId="dots-density"
      />
      <PlanSlider field={DOT_FIELDS.sizeVariation} value={dots.sizeVariation} path={['dots', 'sizeVariation']} format={percent} hint="How much dot sizes vary, as real impressions do." />
      <PlanSlider field={DOT_FIELDS.opacity} value={dots.opacity} path={['dots', 'opacity']} format={percent} />
      <PlanSlider field={DOT_FIELDS.softness} value={dots.softness} path={['dots', 'softness']} format={percent} hint="Crisp (0 %) to blurred ink spread (100 %)." />

      <h3>Pigment shade</h3>
      <div className="swatches pigments" role="radiogroup" aria-label="Pigment shade">
        {PIGMENT_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="radio"
            aria-checked={dots.color === p.color}
            aria-label={p.label}
            title={p.label}
            className={`swatch${dots.color === p.color ? ' selected' : ''}`}
            style={{ background: p.color }}
            data-pigment={p.id}
            onClick={() => setColor(p.color)}
          />
        ))}
      </div>
      <label className="field inline">
        <span>Match hair colour</span>
        <select value={HAIR_COLOR_PRESETS.find((h) => h.color === hairColor)?.id ?? ''} onChange={(e) => {
          const preset = HAIR_COLOR_PRESETS.find((h) => h.id === e.currentTarget.value);
          if (preset) matchHair(preset.color);
        }} data-testid="match-hair">
          {!HAIR_COLOR_PRESETS.some((h) => h.color === hairColor) && <option value="">Custom</option>}
          {HAIR_COLOR_PRESETS.map((h) => (
            <option key={h.id} value={h.id}>
              {h.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>Custom shade</span>
        <input
          type="color"
          value={dots.color}
          onInput={(e) => setColor(e.currentTarget.value, 'dots-color-picker')}
          onChange={(e) => {
            setColor(e.currentTarget.value, 'dots-color-picker');
            sim.planStore.getState().endGesture();
          }}
        />
        <code>{dots.color}</code>
      </label>
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
