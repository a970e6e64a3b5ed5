import { useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan } from '../app/simulator';
import { DENSITY_REGIONS, MAX_DENSITY_FACTOR } from '../domain/density/regions';
import { percent } from '../domain/format';
import { DENSITY_REGION_FIELDS } from '../domain/plan';
import { BrushControls } from './BrushControls';
import { useFormat } from './i18n/useFormat';
import { PlanSlider } from './PlanSlider';

const DENSITY_TARGET = { map: 'density' } as const;

/** Density per scalp region, and a brush to paint it up or down where the regions are not enough. */
export function DensityPanel() {
  const sim = useSimulator();
  const density = usePlan((p) => p.density);
  const base = usePlan((p) => p.dots.densityPerCm2);
  const { t } = useTranslation('panels');
  const f = useFormat();
  const perCm2 = (factor: number) => `${f.density(factor * base)} · ${percent(factor)}`;
  return (
    <section className="panel-section" aria-labelledby="density-heading">
      <h2 id="density-heading">{t('density.heading')}</h2>
      <p className="hint">{t('density.intro', { density: f.density(base), blend: f.length(10, 0) })}</p>
      {DENSITY_REGIONS.map((region) => (
        <PlanSlider
          key={region}
          field={DENSITY_REGION_FIELDS[region]}
          value={density.regions[region]}
          path={['density', 'regions', region]}
          format={perCm2}
          testId={`density-${region}`}
        />
      ))}
      <BrushControls
        target={DENSITY_TARGET}
        label={t('density.paint')}
        modeLabels={{ up: t('density.denser'), down: t('density.sparser') }}
        hint={t('density.brushHint', { max: Math.round(MAX_DENSITY_FACTOR * 100) })}
      />
      <div className="row">
        <span className="hint">{t('common.strokes', { count: density.strokes.length })}</span>
        <button
          type="button"
          className="tool-button"
          disabled={density.strokes.length === 0}
          data-testid="density-clear"
          onClick={() => runCommand(sim, 'density.clear-painting', {})}
        >
          {t('common.clearPainting')}
        </button>
      </div>
    </section>
  );
}
