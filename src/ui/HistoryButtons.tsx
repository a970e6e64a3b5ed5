import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useSimulator } from '../app/simulator';

/** Undo / redo buttons (their shortcuts, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y, are in src/app/keymap.ts). */
export function HistoryButtons() {
  const sim = useSimulator();
  const undoLabel = useStore(sim.planStore, (s) => s.past.at(-1)?.label);
  const redoLabel = useStore(sim.planStore, (s) => s.future.at(-1)?.label);

  return (
    <div className="segmented" role="group" aria-label="History">
      <button type="button" disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'} aria-label="Undo" onClick={() => runCommand(sim, 'history.undo', {})}>
        <span aria-hidden="true">↶</span>
        <span className="button-text"> Undo</span>
      </button>
      <button type="button" disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel} (Shift+Ctrl+Z)` : 'Nothing to redo'} aria-label="Redo" onClick={() => runCommand(sim, 'history.redo', {})}>
        <span aria-hidden="true">↷</span>
        <span className="button-text"> Redo</span>
      </button>
    </div>
  );
}
