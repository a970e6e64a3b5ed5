import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { DENSITY_REGIONS, MAX_DENSITY_FACTOR } from '../domain/density/regions';
import { percent } from '../domain/format';
import { formatDensity, formatLength } from '../domain/units';
import { DENSITY_REGION_FIELDS } from '../domain/plan';
import { BrushControls } from './BrushControls';
import { PlanSlider } from './PlanSlider';

const DENSITY_TARGET = { map: 'density' } as const;

/** Density per scalp region, and a brush to paint it up or down where the regions are not enough. */
export function DensityPanel() {
  const sim = useSimulator();
  const density = usePlan((p) => p.density);
  const base = usePlan((p) => p.dots.densityPerCm2);
  const units = useView((v) => v.units);
  const perCm2 = (factor: number) => `${formatDensity(factor * base, units)} · ${percent(factor)}`;
  return (
    <section className="panel-section" aria-labelledby="density-heading">
      <h2 id="density-heading">Density map</h2>
      <p className="hint">
        Density by region, as a share of the plan's {formatDensity(base, units)}. Regions blend into each other over about {formatLength(10, units, 0)}.
      </p>
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
        label="Paint density"
        modeLabels={{ up: 'Denser', down: 'Sparser' }}
        hint={`Drag over the scalp to paint density up or down (0 to ${Math.round(MAX_DENSITY_FACTOR * 100)} % of the plan's density).`}
      />
      <div className="row">
        <span className="hint">{density.strokes.length} painted stroke{density.strokes.length === 1 ? '' : 's'}</span>
        <button
          type="button"
          className="tool-button"
          disabled={density.strokes.length === 0}
          data-testid="density-clear"
          onClick={() => runCommand(sim, 'density.clear-painting', {})}
        >
          Clear painting
        </button>
      </div>
    </section>
  );
}
