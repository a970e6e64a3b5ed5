import { lazy, Suspense, useDeferredValue, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { STEPS, type StepId } from '../domain/consultation';
import { HeadScanPanel } from './HeadScanPanel';
import { HeadShapePanel } from './HeadShapePanel';
import { SkinTonePicker } from './SkinTonePicker';
import { StepNav } from './StepNav';

// The first screen is the Head step: the other steps' panels are read when their step is first shown, each
// from its own chunk (the service worker keeps them all for offline use).
const ComparePanel = lazy(() => import('./ComparePanel').then((m) => ({ default: m.ComparePanel })));
const ConsentPanel = lazy(() => import('./ConsentPanel').then((m) => ({ default: m.ConsentPanel })));
const DensityPanel = lazy(() => import('./DensityPanel').then((m) => ({ default: m.DensityPanel })));
const DotsPanel = lazy(() => import('./DotsPanel').then((m) => ({ default: m.DotsPanel })));
const HairlinePanel = lazy(() => import('./HairlinePanel').then((m) => ({ default: m.HairlinePanel })));
const HairPanel = lazy(() => import('./HairPanel').then((m) => ({ default: m.HairPanel })));
const ScarsPanel = lazy(() => import('./ScarsPanel').then((m) => ({ default: m.ScarsPanel })));
const SessionsPanel = lazy(() => import('./SessionsPanel').then((m) => ({ default: m.SessionsPanel })));
// The client's photos: the panel reads the photo code, which the first load does not carry.
const PhotosPanel = lazy(() => import('./PhotosPanel').then((m) => ({ default: m.PhotosPanel })));
const SharePanel = lazy(() => import('./SharePanel').then((m) => ({ default: m.SharePanel })));

/** What each step shows. */
const STEP_CONTENT: Record<StepId, () => ReactNode> = {
  head: () => (
    <>
      <HeadScanPanel />
      <HeadShapePanel />
      <PhotosPanel />
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
  // The step whose panel is on screen: a step whose panel is still being read keeps the one before on screen
  // until it is here (no empty panel in between); the tabs and the footer follow the chosen step at once.
  const shown = useDeferredValue(current);
  const scroller = useRef<HTMLDivElement>(null);
  const index = STEPS.findIndex((s) => s.id === current);
  const shownIndex = STEPS.findIndex((s) => s.id === shown);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  // A new step starts at its top. (Braces: newer browsers return a promise from scrollTo, which React
  // would take for a cleanup function.)
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [shown]);
  return (
    <aside className="panel" aria-label={t('steps.panel')}>
      <StepNav />
      <div className="step-body" ref={scroller} id="step-panel" role="tabpanel" aria-labelledby={`step-tab-${shown}`} aria-busy={shown !== current} data-testid="step-panel">
        <p className="step-summary">
          <strong>{t('steps.progress', { number: shownIndex + 1, total: STEPS.length })}</strong> {t(`steps.${shown}.summary`)}
        </p>
        <Suspense>{STEP_CONTENT[shown]()}</Suspense>
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
