import { Component, useState, type ReactNode } from 'react';
import { useView } from '../app/simulator';
import { userMessage } from '../app/userMessage';
import { Viewer } from '../scene/Viewer';
import { CompareOverlay } from './CompareOverlay';
import { HelpButton, HelpDialogs, useFirstRunGuide } from './Help';
import { HistoryButtons } from './HistoryButtons';
import { LoupeOverlay } from './LoupeOverlay';
import { NoticeBanner } from './NoticeBanner';
import { PlansPanel } from './PlansPanel';
import { PreviewBadge } from './PreviewBadge';
import { ReportView } from './ReportView';
import { StepPanel } from './StepPanel';
import { UnitsToggle } from './UnitsToggle';
import { LanguagePicker } from './LanguagePicker';
import { useSavedPlans } from '../app/savedPlans';
import { ViewBar } from './ViewBar';

/**
 * Catches a failure inside the 3D view (an unreadable model, say) and shows it instead of a blank page. A
 * plan that cannot be drawn would fail again after a reload: a new plan can be started from here.
 */
class SceneErrorBoundary extends Component<{ children: ReactNode; onNewPlan: () => Promise<void> }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('The 3D view failed:', error);
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="stage-message" role="alert">
          <h2>The 3D view could not start</h2>
          <p>{userMessage(this.state.error, 'Something in this plan or head could not be drawn.')}</p>
          <p>Your plan is safe. Reload the page to try again, or start a new plan (this one stays in Plans).</p>
          <button type="button" className="tool-button" onClick={() => void this.props.onNewPlan().then(() => this.setState({ error: null }))}>
            Start a new plan
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

export function App() {
  const [contextLost, setContextLost] = useState(false);
  const units = useView((v) => v.units);
  const savedPlans = useSavedPlans();
  useFirstRunGuide();
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          SMP <span>Simulator</span>
        </h1>
        <div className="topbar-actions">
          <PlansPanel />
          <UnitsToggle />
          <LanguagePicker />
          <HelpButton />
          <HistoryButtons />
        </div>
      </header>
      <main className="stage" aria-label="3D head view">
        <SceneErrorBoundary onNewPlan={() => savedPlans.newPlan()}>
          <Viewer onContextLost={setContextLost} />
        </SceneErrorBoundary>
        {contextLost && (
          <div className="stage-message" role="status">
            <p>The graphics card was reset. Restoring the view; your plan is safe.</p>
          </div>
        )}
        <CompareOverlay />
        <LoupeOverlay />
        <ViewBar />
        <PreviewBadge />
        <NoticeBanner />
        <p className="scale-note">True scale · {units === 'metric' ? 'millimetres' : 'inches'} · simulation, not a guarantee</p>
      </main>
      <StepPanel />
      <ReportView />
      <HelpDialogs />
    </div>
  );
}
