import { useSimulator, usePlan, useView } from '../app/simulator';
import { expectedCoverage } from '../domain/dots/coverage';
import { cellSizeMm } from '../domain/dots/placement';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS, pigmentForHair } from '../domain/pigment';
import { DOT_FIELDS } from '../domain/plan';
import { percent } from '../domain/format';
import { formatDensityRange, formatLength } from '../domain/units';
import { dotWarnings, warningText } from '../domain/warnings';
import { PlanSlider } from './PlanSlider';


export function DotsPanel() {
  const { planStore } = useSimulator();
  const dots = usePlan((p) => p.dots);
  const hairColor = usePlan((p) => p.hairColor);
  const skinColor = usePlan((p) => p.skin.color);
  const units = useView((v) => v.units);
  const setColor = (label: string, color: string, gesture?: string) =>
    planStore.getState().edit(label, (plan) => void (plan.dots.color = color), gesture ? { gesture } : undefined);
  const matchHair = (color: string) =>
    planStore.getState().edit('Match hair colour', (plan) => {
      plan.hairColor = color;
      plan.dots.color = pigmentForHair(color);
    });
  const warnings = dotWarnings({ dots, skin: { color: skinColor } }).map((w) => warningText(w, units));
  return (
    <section className="panel-section" aria-labelledby="dots-heading">
      <h2 id="dots-heading">Dots</h2>
      <p className="hint">
        Each dot is one pigment impression, drawn at true size. Spacing {formatLength(cellSizeMm(dots.densityPerCm2), units, 2)} · covers{' '}
        {percent(expectedCoverage(dots.densityPerCm2, dots.diameterMm))} of the treated scalp.
      </p>
      <PlanSlider field={DOT_FIELDS.diameterMm} value={dots.diameterMm} write={(p, v) => void (p.dots.diameterMm = v)} testId="dots-diameter" />
      <PlanSlider
        field={DOT_FIELDS.densityPerCm2}
        value={dots.densityPerCm2}
        write={(p, v) => void (p.dots.densityPerCm2 = v)}
        hint={`Impressions per ${units === 'metric' ? 'cm²' : 'in²'} at full density (natural hair: about ${formatDensityRange(65, 90, units).replace('dots', 'follicular units')}).`}
        testId="dots-density"
      />
      <PlanSlider field={DOT_FIELDS.sizeVariation} value={dots.sizeVariation} write={(p, v) => void (p.dots.sizeVariation = v)} format={percent} hint="How much dot sizes vary, as real impressions do." />
      <PlanSlider field={DOT_FIELDS.opacity} value={dots.opacity} write={(p, v) => void (p.dots.opacity = v)} format={percent} />
      <PlanSlider field={DOT_FIELDS.softness} value={dots.softness} write={(p, v) => void (p.dots.softness = v)} format={percent} hint="Crisp (0 %) to blurred ink spread (100 %)." />

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
            onClick={() => setColor('Pigment shade', p.color)}
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
          onInput={(e) => setColor('Pigment shade', e.currentTarget.value, 'dots-color-picker')}
          onChange={(e) => {
            setColor('Pigment shade', e.currentTarget.value, 'dots-color-picker');
            planStore.getState().endGesture();
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
