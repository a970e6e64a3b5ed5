import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { STEPS, type StepId } from '../domain/consultation';
import { ComparePanel } from './ComparePanel';
import { ConsentPanel } from './ConsentPanel';
import { DensityPanel } from './DensityPanel';
import { DotsPanel } from './DotsPanel';
import { HairlinePanel } from './HairlinePanel';
import { HairPanel } from './HairPanel';
import { HeadScanPanel } from './HeadScanPanel';
import { HeadShapePanel } from './HeadShapePanel';
import { ScarsPanel } from './ScarsPanel';
import { SessionsPanel } from './SessionsPanel';
import { SharePanel } from './SharePanel';
import { SkinTonePicker } from './SkinTonePicker';
import { StepNav } from './StepNav';

/** What each step shows. */
const STEP_CONTENT: Record<StepId, () => ReactNode> = {
  head: () => (
    <>
      <HeadScanPanel />
      <HeadShapePanel />
      <SkinTonePicker />
    </>
  ),
  hair: () => <HairPanel />,
  hairline: () => <HairlinePanel />,
  dots: () => (
    <>
      <DotsPanel />
      <DensityPanel />
    </>
  ),
  scars: () => <ScarsPanel />,
  sessions: () => <SessionsPanel />,
  compare: () => (
    <>
      <ComparePanel />
      <SharePanel />
      <ConsentPanel />
    </>
  ),
};

/** The side panel: the consultation's steps, the current step's controls, and the way to the next step. */
export function StepPanel() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const current = useView((v) => v.step);
  const scroller = useRef<HTMLDivElement>(null);
  const index = STEPS.findIndex((s) => s.id === current);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  // A new step starts at its top. (Braces: newer browsers return a promise from scrollTo, which React
  // would take for a cleanup function.)
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [current]);
  return (
    <aside className="panel" aria-label={t('steps.panel')}>
      <StepNav />
      <div className="step-body" ref={scroller} id="step-panel" role="tabpanel" aria-labelledby={`step-tab-${current}`} data-testid="step-panel">
        <p className="step-summary">
          <strong>{t('steps.progress', { number: index + 1, total: STEPS.length })}</strong> {t(`steps.${current}.summary`)}
        </p>
        {STEP_CONTENT[current]()}
        <nav className="step-footer" aria-label={t('steps.footer')}>
          {previous && (
            <button type="button" className="tool-button" onClick={() => viewStore.getState().setStep(previous.id)}>
              ← {t(`steps.${previous.id}.title`)}
            </button>
          )}
          {next && (
            <button type="button" className="tool-button primary" data-testid="next-step" onClick={() => viewStore.getState().setStep(next.id)}>
              {t(`steps.${next.id}.title`)} →
            </button>
          )}
        </nav>
      </div>
    </aside>
  );
}
