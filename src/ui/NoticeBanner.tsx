import { useStore } from 'zustand';
import { useSimulator, useView } from '../app/simulator';
import { useSavedPlans } from '../app/savedPlans';

/**
 * The app's message of the moment. A conflict with another tab's save comes first: it waits for the
 * user's choice, and no other message may hide it.
 */
export function NoticeBanner() {
  const { viewStore } = useSimulator();
  const notice = useView((v) => v.notice);
  const savedPlans = useSavedPlans();
  const conflict = useStore(savedPlans.state, (s) => s.conflict);
  if (conflict) {
    const act = (action: () => Promise<void>) => () =>
      void action().catch((error: unknown) => viewStore.getState().showNotice('error', error instanceof Error ? error.message : String(error)));
    return (
      <div className="notice notice-error notice-choice" role="alert" data-testid="conflict-notice">
        <p>
          This plan was also changed and saved in another tab, in the same place ({conflict.fields.join(', ')}). Nothing is lost yet: reload their version (yours stays one
          Undo away), or keep yours as a plan of its own.
        </p>
        <div className="notice-actions">
          <button type="button" className="tool-button" onClick={act(savedPlans.reloadTheirs)}>
            Reload theirs
          </button>
          <button type="button" className="tool-button primary" onClick={act(savedPlans.keepMineAsCopy)}>
            Keep mine as a copy
          </button>
        </div>
      </div>
    );
  }
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <p>{notice.text}</p>
      <button type="button" aria-label="Dismiss message" onClick={() => viewStore.getState().dismissNotice()}>
        ×
      </button>
    </div>
  );
}
