import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { usePlan, useSimulator } from '../app/simulator';
import { HEAD_SHAPE_PARAMETERS, type HeadShapeParameter } from '../domain/head/headShape';
import { isDefaultShape } from '../domain/head/shapedHead';
import { HEAD_SHAPE_FIELDS } from '../domain/plan';
import { clampToField } from '../domain/schema';
import { useFormat } from './i18n/useFormat';
import { RangeField } from './RangeField';

/**
 * The default head's breadth and length (mm, measured on the mesh): the shape scales them exactly (the
 * glabella sits at brow level, below the forehead's lean), so the sliders can show the head's own figures.
 */
const DEFAULT_BREADTH_MM = 149;
const DEFAULT_LENGTH_MM = 195;

/** The hints under the sliders that need one. */
const HINTS: Partial<Record<HeadShapeParameter, 'hints.size' | 'hints.foreheadSlopeDeg' | 'hints.crownHeightMm'>> = {
  size: 'hints.size',
  foreheadSlopeDeg: 'hints.foreheadSlopeDeg',
  crownHeightMm: 'hints.crownHeightMm',
};

/**
 * Step 1's head shape: five sliders that reshape the default head like the client's (for users without
 * photos; a photo fit sets the same numbers), each drag one undo step, and a reset. A scan is the client's
 * own head, so the sliders are off while one is shown.
 */
export function HeadShapePanel() {
  const { t } = useTranslation('head');
  const f = useFormat();
  const sim = useSimulator();
  const id = useId();
  const shape = usePlan((p) => p.headShape);
  const scan = useStore(sim.headStore, (s) => s.scan);
  const shown: Record<HeadShapeParameter, string> = {
    size: f.number(shape.size, { style: 'percent' }),
    length: t('withLength', { percent: f.number(shape.length, { style: 'percent' }), length: f.length(DEFAULT_LENGTH_MM * shape.size * shape.length, 0) }),
    breadth: t('withLength', { percent: f.number(shape.breadth, { style: 'percent' }), length: f.length(DEFAULT_BREADTH_MM * shape.size * shape.breadth, 0) }),
    foreheadSlopeDeg: f.number(shape.foreheadSlopeDeg, { style: 'unit', unit: 'degree', maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    crownHeightMm: f.length(shape.crownHeightMm),
  };
  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`} data-testid="head-shape-panel">
      <h2 id={`${id}-heading`}>{t('heading')}</h2>
      {scan ? (
        <p className="hint" data-testid="head-shape-on-scan">
          {t('onScan')}
        </p>
      ) : (
        <>
          <p className="hint">{t('intro')}</p>
          {HEAD_SHAPE_PARAMETERS.map((name) => {
            const field = HEAD_SHAPE_FIELDS[name];
            const hint = HINTS[name];
            return (
              <RangeField
                key={name}
                label={t(`fields.${name}`)}
                value={shape[name]}
                min={field.min}
                max={field.max}
                step={field.step}
                shown={shown[name]}
                testId={`head-shape-${name}`}
                onChange={(value) => void runCommand(sim, 'head.set-shape', { [name]: clampToField(field, value) }, { gesture: `head-shape:${id}:${name}` })}
                onSettle={() => sim.planStore.getState().endGesture()}
                {...(hint && { hint: t(hint) })}
              />
            );
          })}
          <div className="button-row">
            <button type="button" className="tool-button" data-testid="head-shape-reset" disabled={isDefaultShape(shape)} onClick={() => void runCommand(sim, 'head.reset-shape', {})}>
              {t('reset')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
