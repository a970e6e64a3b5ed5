import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useSimulator } from '../app/simulator';
import { isTyping } from './keyboard';

/** Undo / redo buttons, and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z (and Ctrl+Y) anywhere outside text fields. */
export function HistoryButtons() {
  const { planStore } = useSimulator();
  const undoLabel = useStore(planStore, (s) => s.past.at(-1)?.label);
  const redoLabel = useStore(planStore, (s) => s.future.at(-1)?.label);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        planStore.getState().undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        planStore.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [planStore]);

  return (
    <div className="segmented" role="group" aria-label="History">
      <button type="button" disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'} aria-label="Undo" onClick={() => planStore.getState().undo()}>
        <span aria-hidden="true">↶</span>
        <span className="button-text"> Undo</span>
      </button>
      <button type="button" disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'} aria-label="Redo" onClick={() => planStore.getState().redo()}>
        <span aria-hidden="true">↷</span>
        <span className="button-text"> Redo</span>
      </button>
    </div>
  );
}
