import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { percent } from '../domain/format';
import { formatArea, formatDensity } from '../domain/units';
import { FREEFORM_FIELDS, FUE_FIELDS, FUT_FIELDS, MAX_SCARS, SCAR_KIND_LABELS, SCAR_KINDS, type FueScar, type FutScar, type Scar, type ScarKind } from '../domain/scars/scars';
import type { ScarMeasurement } from '../domain/scars/coverage';
import { BrushControls } from './BrushControls';
import { PlanSlider } from './PlanSlider';
import { useMeasurements } from './useMeasurements';

const ADD_LABELS: Record<ScarKind, string> = { fut: 'FUT strip', fue: 'FUE dots', freeform: 'Painted scar' };
const FUT_SLIDERS = ['lengthMm', 'widthMm', 'curveMm', 'heightMm'] as const satisfies readonly (keyof FutScar)[];
const FUE_SLIDERS = ['count', 'areaCm2', 'diameterMm'] as const satisfies readonly (keyof FueScar)[];

/**
 * Scars to camouflage: FUT strip scars, FUE extraction scars and painted (burn, surgical) scars, each
 * with its size and how well it takes pigment, and how much of it SMP would blend in.
 */
export function ScarsPanel() {
  const sim = useSimulator();
  const { viewStore } = sim;
  const scars = usePlan((p) => p.scars);
  const showOnScars = useView((v) => v.showSmpOnScars);
  const m = useMeasurements();
  const add = (kind: ScarKind) => runCommand(sim, 'scars.add', { kind });
  return (
    <section className="panel-section" aria-labelledby="scars-heading">
      <h2 id="scars-heading">Scars</h2>
      <p className="hint">
        Scar tissue is paler, smoother and holds less pigment. Coverage is the share of a scar whose tone with SMP matches the treated scalp
        around it at conversational distance.
      </p>
      <div className="row scar-add" role="group" aria-label="Add a scar">
        {SCAR_KINDS.map((kind) => (
          <button key={kind} type="button" className="tool-button" disabled={scars.length >= MAX_SCARS} data-testid={`scar-add-${kind}`} onClick={() => add(kind)}>
            + {ADD_LABELS[kind]}
          </button>
        ))}
      </div>
      {scars.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={!showOnScars} data-testid="scars-hide-smp" onChange={(e) => viewStore.getState().setShowSmpOnScars(!e.currentTarget.checked)} />
          Hide SMP on scars (before)
        </label>
      )}
      <ul className="scar-list">
        {scars.map((scar) => (
          <ScarItem
            key={scar.id}
            scar={scar}
            measured={m?.scars?.find((s) => s.id === scar.id) ?? null}
            warning={m?.warnings.find((w) => w.id === `scar-coverage:${scar.id}`)?.message ?? null}
          />
        ))}
      </ul>
    </section>
  );
}

function ScarItem({ scar, measured, warning }: { scar: Scar; measured: ScarMeasurement | null; warning: string | null }) {
  const sim = useSimulator();
  const units = useView((v) => v.units);
  const { id } = scar;
  const remove = () => runCommand(sim, 'scars.remove', { id });
  const uptakeField = scar.kind === 'fut' ? FUT_FIELDS.uptake : scar.kind === 'fue' ? FUE_FIELDS.uptake : FREEFORM_FIELDS.uptake;
  return (
    <li className="scar-item" data-testid={`scar-${id}`}>
      <h3>
        {SCAR_KIND_LABELS[scar.kind]} <code>{id}</code>
        <button type="button" className="tool-button scar-remove" data-testid={`scar-${id}-remove`} aria-label={`Remove scar ${id}`} onClick={remove}>
          Remove
        </button>
      </h3>
      <p className="scar-figures">
        {measured ? (
          <>
            Area <strong data-testid={`scar-${id}-area`}>{formatArea(measured.areaCm2, units, 1)}</strong> · coverage{' '}
            <strong data-testid={`scar-${id}-coverage`}>{percent(measured.coverage)}</strong>
          </>
        ) : (
          'Measuring…'
        )}
      </p>
      {warning && (
        <ul className="warnings" aria-label={`Scar ${id} warnings`}>
          <li data-testid={`scar-${id}-warning`}>{warning}</li>
        </ul>
      )}
      {scar.kind === 'fut' &&
        FUT_SLIDERS.map((field) => (
          <PlanSlider
            key={field}
            field={FUT_FIELDS[field]}
            value={scar[field]}
            path={['scars', id, field]}
            testId={`scar-${id}-${field}`}
          />
        ))}
      {scar.kind === 'fue' &&
        FUE_SLIDERS.map((field) => (
          <PlanSlider
            key={field}
            field={FUE_FIELDS[field]}
            value={scar[field]}
            path={['scars', id, field]}
            testId={`scar-${id}-${field}`}
            {...(field === 'count' ? { format: (v: number) => `${v} scars · ${formatDensity(v / scar.areaCm2, units, 1)}` } : {})}
          />
        ))}
      <PlanSlider
        field={uptakeField}
        value={scar.uptake}
        path={['scars', id, 'uptake']}
        format={percent}
        hint="Share of the ink scar tissue holds, compared with healthy scalp."
        testId={`scar-${id}-uptake`}
      />
      {scar.kind === 'freeform' && (
        <>
          <BrushControls
            target={{ map: 'scar', scarId: id }}
            label="Paint scar"
            modeLabels={{ up: 'Add scar', down: 'Remove scar' }}
            hint="Drag over the skin to paint where the scar is; the strength sets how marked it is."
          />
          <div className="row">
            <span className="hint">
              {scar.strokes.length} painted stroke{scar.strokes.length === 1 ? '' : 's'}
            </span>
            <button
              type="button"
              className="tool-button"
              disabled={scar.strokes.length === 0}
              data-testid={`scar-${id}-clear`}
              onClick={() => runCommand(sim, 'scars.clear-painting', { id })}
            >
              Clear painting
            </button>
          </div>
        </>
      )}
    </li>
  );
}
