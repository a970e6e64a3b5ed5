import { useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, usePlan, useView } from '../app/simulator';
import { percent } from '../domain/format';
import { FREEFORM_FIELDS, FUE_FIELDS, FUT_FIELDS, MAX_SCARS, SCAR_KINDS, type FueScar, type FutScar, type Scar, type ScarKind } from '../domain/scars/scars';
import type { ScarMeasurement } from '../domain/scars/coverage';
import type { PlanWarning } from '../domain/warnings';
import { BrushControls } from './BrushControls';
import { useFormat } from './i18n/useFormat';
import { useWarningText } from './i18n/warningText';
import { PlanSlider } from './PlanSlider';
import { useMeasurements } from './useMeasurements';

const FUT_SLIDERS = ['lengthMm', 'widthMm', 'curveMm', 'heightMm'] as const satisfies readonly (keyof FutScar)[];
const FUE_SLIDERS = ['count', 'areaCm2', 'diameterMm'] as const satisfies readonly (keyof FueScar)[];

/**
 * Scars to camouflage: FUT strip scars, FUE extraction scars and painted (burn, surgical) scars, each
 * with its size and how well it takes pigment, and how much of it SMP would blend in.
 */
export function ScarsPanel() {
  const { t } = useTranslation('panels');
  const sim = useSimulator();
  const { viewStore } = sim;
  const scars = usePlan((p) => p.scars);
  const showOnScars = useView((v) => v.showSmpOnScars);
  const m = useMeasurements();
  const add = (kind: ScarKind) => runCommand(sim, 'scars.add', { kind });
  return (
    <section className="panel-section" aria-labelledby="scars-heading">
      <h2 id="scars-heading">{t('scars.heading')}</h2>
      <p className="hint">{t('scars.intro')}</p>
      <div className="row scar-add" role="group" aria-label={t('scars.add')}>
        {SCAR_KINDS.map((kind) => (
          <button key={kind} type="button" className="tool-button" disabled={scars.length >= MAX_SCARS} data-testid={`scar-add-${kind}`} onClick={() => add(kind)}>
            + {t(`scars.addKinds.${kind}`)}
          </button>
        ))}
      </div>
      {scars.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={!showOnScars} data-testid="scars-hide-smp" onChange={(e) => viewStore.getState().setShowSmpOnScars(!e.currentTarget.checked)} />
          {t('scars.hideSmp')}
        </label>
      )}
      <ul className="scar-list">
        {scars.map((scar) => (
          <ScarItem
            key={scar.id}
            scar={scar}
            measured={m?.scars?.find((s) => s.id === scar.id) ?? null}
            warning={m?.warnings.find((w) => w.id === `scar-coverage:${scar.id}`) ?? null}
          />
        ))}
      </ul>
    </section>
  );
}

function ScarItem({ scar, measured, warning }: { scar: Scar; measured: ScarMeasurement | null; warning: PlanWarning | null }) {
  const { t } = useTranslation('panels');
  const f = useFormat();
  const warningText = useWarningText();
  const sim = useSimulator();
  const { id } = scar;
  const remove = () => runCommand(sim, 'scars.remove', { id });
  const uptakeField = scar.kind === 'fut' ? FUT_FIELDS.uptake : scar.kind === 'fue' ? FUE_FIELDS.uptake : FREEFORM_FIELDS.uptake;
  return (
    <li className="scar-item" data-testid={`scar-${id}`}>
      <h3>
        {t(`scars.kinds.${scar.kind}`)} <code>{id}</code>
        <button type="button" className="tool-button scar-remove" data-testid={`scar-${id}-remove`} aria-label={t('scars.removeLabel', { id })} onClick={remove}>
          {t('scars.remove')}
        </button>
      </h3>
      <p className="scar-figures">
        {measured ? (
          <>
            {t('scars.area')} <strong data-testid={`scar-${id}-area`}>{f.area(measured.areaCm2, 1)}</strong> · {t('scars.coverage')}{' '}
            <strong data-testid={`scar-${id}-coverage`}>{percent(measured.coverage)}</strong>
          </>
        ) : (
          t('common.measuring')
        )}
      </p>
      {warning && (
        <ul className="warnings" aria-label={t('scars.warnings', { id })}>
          <li data-testid={`scar-${id}-warning`}>{warningText(warning)}</li>
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
            {...(field === 'count' ? { format: (v: number) => t('scars.countValue', { value: v, density: f.density(v / scar.areaCm2, 1) }) } : {})}
          />
        ))}
      <PlanSlider
        field={uptakeField}
        value={scar.uptake}
        path={['scars', id, 'uptake']}
        format={percent}
        hint={t('scars.uptakeHint')}
        testId={`scar-${id}-uptake`}
      />
      {scar.kind === 'freeform' && (
        <>
          <BrushControls
            target={{ map: 'scar', scarId: id }}
            label={t('scars.paint')}
            modeLabels={{ up: t('scars.addScar'), down: t('scars.removeScar') }}
            hint={t('scars.brushHint')}
          />
          <div className="row">
            <span className="hint">{t('common.strokes', { count: scar.strokes.length })}</span>
            <button
              type="button"
              className="tool-button"
              disabled={scar.strokes.length === 0}
              data-testid={`scar-${id}-clear`}
              onClick={() => runCommand(sim, 'scars.clear-painting', { id })}
            >
              {t('common.clearPainting')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
