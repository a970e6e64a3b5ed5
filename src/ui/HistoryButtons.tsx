import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useSimulator } from '../app/simulator';
import type { HistoryStep } from '../state/planStore';
import { messageText } from './i18n/messageText';

/** The buttons' arrows: drawings beside the words, hidden from screen readers. */
const UNDO_ICON = '↶';
const REDO_ICON = '↷';

/** Undo / redo buttons (their shortcuts, Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y, are in src/app/keymap.ts). */
export function HistoryButtons() {
  const { t } = useTranslation('app');
  const sim = useSimulator();
  const undoStep = useStore(sim.planStore, (s) => s.past.at(-1));
  const redoStep = useStore(sim.planStore, (s) => s.future.at(-1));
  // The step's name in the reader's language; its English label where the catalogue has none.
  const name = (step: HistoryStep | undefined) => step && (step.text ? messageText(t, step.text) : step.label);
  const undoLabel = name(undoStep);
  const redoLabel = name(redoStep);

  return (
    <div className="segmented" role="group" aria-label={t('history.label')}>
      <button
        type="button"
        disabled={!undoLabel}
        title={undoLabel ? t('history.undoHint', { action: undoLabel }) : t('history.nothingToUndo')}
        aria-label={t('history.undo')}
        onClick={() => runCommand(sim, 'history.undo', {})}
      >
        <span aria-hidden="true">{UNDO_ICON}</span>
        <span className="button-text"> {t('history.undo')}</span>
      </button>
      <button
        type="button"
        disabled={!redoLabel}
        title={redoLabel ? t('history.redoHint', { action: redoLabel }) : t('history.nothingToRedo')}
        aria-label={t('history.redo')}
        onClick={() => runCommand(sim, 'history.redo', {})}
      >
        <span aria-hidden="true">{REDO_ICON}</span>
        <span className="button-text"> {t('history.redo')}</span>
      </button>
    </div>
  );
}
