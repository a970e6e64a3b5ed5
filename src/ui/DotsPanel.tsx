import { useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan } from '../app/simulator';
import { expectedCoverage } from '../domain/dots/coverage';
import { cellSizeMm } from '../domain/dots/lattice';
import { HAIR_COLOR_PRESETS, PIGMENT_PRESETS } from '../domain/pigment';
import { DOT_FIELDS } from '../domain/plan';
import { percent } from '../domain/format';
import { dotWarnings } from '../domain/warnings';
import { useFormat } from './i18n/useFormat';
import { useWarningText } from './i18n/warningText';
import { PlanSlider } from './PlanSlider';

export function DotsPanel() {
  const sim = useSimulator();
  const dots = usePlan((p) => p.dots);
  const hairColor = usePlan((p) => p.hairColor);
  const skinColor = usePlan((p) => p.skin.color);
  const { t } = useTranslation('panels');
  const f = useFormat();
  const warningText = useWarningText();
  const setColor = (color: string, gesture?: string) => runCommand(sim, 'plan.set', { path: ['dots', 'color'], value: color }, gesture ? { gesture } : {});
  const matchHair = (color: string) => runCommand(sim, 'dots.match-hair', { color });
  const warnings = dotWarnings({ dots, skin: { color: skinColor } }).map(warningText);
  return (
    <section className="panel-section" aria-labelledby="dots-heading">
      <h2 id="dots-heading">{t('dots.heading')}</h2>
      <p className="hint">
        {t('dots.intro', { spacing: f.length(cellSizeMm(dots.densityPerCm2), 2), coverage: percent(expectedCoverage(dots.densityPerCm2, dots.diameterMm)) })}
      </p>
      <PlanSlider field={DOT_FIELDS.diameterMm} value={dots.diameterMm} path={['dots', 'diameterMm']} testId="dots-diameter" />
      <PlanSlider
        field={DOT_FIELDS.densityPerCm2}
        value={dots.densityPerCm2}
        path={['dots', 'densityPerCm2']}
        hint={t('dots.densityHint', { area: f.units === 'metric' ? 'cm²' : 'in²', natural: f.densityRange(65, 90, 0, t('dots.follicularUnits')) })}
        testId="dots-density"
      />
      <PlanSlider field={DOT_FIELDS.sizeVariation} value={dots.sizeVariation} path={['dots', 'sizeVariation']} format={percent} hint={t('dots.sizeVariationHint')} />
      <PlanSlider field={DOT_FIELDS.opacity} value={dots.opacity} path={['dots', 'opacity']} format={percent} />
      <PlanSlider field={DOT_FIELDS.softness} value={dots.softness} path={['dots', 'softness']} format={percent} hint={t('dots.softnessHint')} />

      <h3>{t('dots.pigmentShade')}</h3>
      <div className="swatches pigments" role="radiogroup" aria-label={t('dots.pigmentShade')}>
        {PIGMENT_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            role="radio"
            aria-checked={dots.color === p.color}
            aria-label={t(`dots.pigments.${p.id}`)}
            title={t(`dots.pigments.${p.id}`)}
            className={`swatch${dots.color === p.color ? ' selected' : ''}`}
            style={{ background: p.color }}
            data-pigment={p.id}
            onClick={() => setColor(p.color)}
          />
        ))}
      </div>
      <label className="field inline">
        <span>{t('dots.matchHair')}</span>
        <select value={HAIR_COLOR_PRESETS.find((h) => h.color === hairColor)?.id ?? ''} onChange={(e) => {
          const preset = HAIR_COLOR_PRESETS.find((h) => h.id === e.currentTarget.value);
          if (preset) matchHair(preset.color);
        }} data-testid="match-hair">
          {!HAIR_COLOR_PRESETS.some((h) => h.color === hairColor) && <option value="">{t('common.custom')}</option>}
          {HAIR_COLOR_PRESETS.map((h) => (
            <option key={h.id} value={h.id}>
              {t(`hairColours.${h.id}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>{t('dots.customShade')}</span>
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
        <ul className="warnings" aria-label={t('common.warnings')}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
