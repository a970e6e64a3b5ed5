import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { Trans, useTranslation, withTranslation, type WithTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { userReason } from '../app/userMessage';
import { Viewer } from '../scene/Viewer';
import { CompareOverlay } from './CompareOverlay';
import { HelpButton, useFirstRunGuide } from './HelpButton';
import { HistoryButtons } from './HistoryButtons';
import { LoupeOverlay } from './LoupeOverlay';
import { NoticeBanner } from './NoticeBanner';
import { PlansPanel } from './PlansPanel';
import { PreviewBadge } from './PreviewBadge';
import { StepPanel } from './StepPanel';
import { UnitsToggle } from './UnitsToggle';
import { LanguagePicker } from './LanguagePicker';
import { useSavedPlans } from '../app/savedPlans';
import { ViewBar } from './ViewBar';
import { useStore } from 'zustand';

// The photo screen's overlay, read when a photo is first shown.
const PhotoOverlay = lazy(() => import('./PhotoOverlay').then((m) => ({ default: m.PhotoOverlay })));
// Read from its own chunk when first opened (the service worker keeps it for offline use).
const ReportView = lazy(() => import('./ReportView').then((m) => ({ default: m.ReportView })));
// The help and the first-run guide, read when one is first opened.
const HelpDialogs = lazy(() => import('./Help').then((m) => ({ default: m.HelpDialogs })));

/**
 * Catches a failure inside the 3D view (an unreadable model, say) and shows it instead of a blank page. A
 * plan that cannot be drawn would fail again after a reload: a new plan can be started from here.
 */
class SceneErrorBoundaryIn extends Component<{ children: ReactNode; onNewPlan: () => Promise<void> } & WithTranslation<'app'>, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('The 3D view failed:', error);
  }
  override render() {
    const { t } = this.props;
    if (this.state.error) {
      return (
        <div className="stage-message" role="alert">
          <h2>{t('sceneError.title')}</h2>
          <p>{userReason(this.state.error) ?? t('sceneError.fallback')}</p>
          <p>{t('sceneError.safe')}</p>
          <button type="button" className="tool-button" onClick={() => void this.props.onNewPlan().then(() => this.setState({ error: null }))}>
            {t('sceneError.newPlan')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
const SceneErrorBoundary = withTranslation('app')(SceneErrorBoundaryIn);

export function App() {
  const { t } = useTranslation('app');
  const [contextLost, setContextLost] = useState(false);
  const units = useView((v) => v.units);
  const savedPlans = useSavedPlans();
  const reportOpen = useStore(useSimulator().reportStore, (s) => s.open);
  const photoShown = useView((v) => v.shownPhoto !== null);
  const helpOpen = useView((v) => v.help !== 'none');
  useFirstRunGuide();
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <Trans t={t} i18nKey="brand" components={{ light: <span /> }} />
        </h1>
        <div className="topbar-actions">
          <PlansPanel />
          <UnitsToggle />
          <LanguagePicker />
          <HelpButton />
          <HistoryButtons />
        </div>
      </header>
      <main className="stage" aria-label={t('stage.label')}>
        <SceneErrorBoundary onNewPlan={() => savedPlans.newPlan()}>
          <Viewer onContextLost={setContextLost} />
        </SceneErrorBoundary>
        {contextLost && (
          <div className="stage-message" role="status">
            <p>{t('stage.contextLost')}</p>
          </div>
        )}
        <CompareOverlay />
        {photoShown && (
          <Suspense>
            <PhotoOverlay />
          </Suspense>
        )}
        <LoupeOverlay />
        <ViewBar />
        <PreviewBadge />
        <NoticeBanner />
        <p className="scale-note">{t(units === 'metric' ? 'stage.scaleNote.metric' : 'stage.scaleNote.imperial')}</p>
      </main>
      <StepPanel />
      {reportOpen && (
        <Suspense>
          <ReportView />
        </Suspense>
      )}
      {helpOpen && (
        <Suspense>
          <HelpDialogs />
        </Suspense>
      )}
    </div>
  );
}
