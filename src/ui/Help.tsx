import { useEffect, useRef, useState } from 'react';
import { useSimulator, useView } from '../app/simulator';
import { STEPS } from '../domain/consultation';
import { formatLength } from '../domain/units';
import { LOUPE_FIELD_MM } from '../state/viewStore';

const GUIDE_SEEN_KEY = 'smp-simulator.guide-seen';

const GESTURES = [
  ['Turn the head', 'Drag with one finger or the mouse'],
  ['Zoom', 'Pinch, or scroll the mouse wheel'],
  ['Move the head sideways', 'Drag with two fingers, or right-drag'],
  ['Standard views', 'Front, Back, Left, Right, Top and ¾ above the view'],
  ['Magnify the scalp', 'Loupe, then point at the scalp: a {loupe} circle at true scale'],
  ['Move a hairline point', 'Hairline → Edit hairline, then drag a handle'],
  ['Add / remove a hairline point', 'Double-click near the line / select it and press Delete'],
  ['Paint density, hair or a scar', 'Choose the brush in its step, then drag over the scalp'],
  ['Compare', 'Before above the view; Split and Grid in Compare & report'],
] as const;

const SHORTCUTS = [
  ['Ctrl+Z / ⌘Z', 'Undo'],
  ['Shift+Ctrl+Z / Shift+⌘Z, Ctrl+Y', 'Redo'],
  ['L', 'Loupe on or off'],
  ['Delete', 'Remove the selected hairline point'],
  ['← → (on the divider)', 'Move the split-screen divider'],
  ['Tab, Shift+Tab', 'Move between controls'],
  ['Escape', 'Close a dialog; during a drag or a brush stroke, take it back'],
] as const;

const GUIDE = [
  {
    title: 'Welcome to the SMP Simulator',
    text: 'It shows scalp micropigmentation at true size on a 3D head: every dot is drawn at its planned size, spacing and shade. Nothing you enter leaves this device.',
  },
  {
    title: 'Seven steps, in consultation order',
    text: `The panel walks through ${STEPS.map((s) => s.title).join(', ')}. Each step shows only what it needs; Next takes you on.`,
  },
  {
    title: 'Look closely',
    text: 'Drag to turn the head, pinch or scroll to zoom. The Loupe magnifies the scalp with a millimetre scale, and Before shows the head without SMP.',
  },
  {
    title: 'Nothing is lost',
    text: 'Every change can be undone, plans save themselves on this device, and Plans keeps each client’s plan. Help (?) lists every gesture and shortcut and replays this guide.',
  },
] as const;

/** Shows the first-run guide once per device; it can be skipped, and reopened from Help. */
export function useFirstRunGuide() {
  const { viewStore } = useSimulator();
  useEffect(() => {
    let seen = true;
    try {
      seen = localStorage.getItem(GUIDE_SEEN_KEY) === 'yes';
    } catch {
      // No storage: do not show the guide on every visit.
    }
    if (!seen) viewStore.getState().setHelp('guide');
  }, [viewStore]);
}

function markGuideSeen() {
  try {
    localStorage.setItem(GUIDE_SEEN_KEY, 'yes');
  } catch {
    // Storage refused: the guide may show again next time.
  }
}

/** A modal dialog that takes focus, closes on Escape and gives focus back to where it was. */
function useModal(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    return () => {
      element.close();
      returnTo?.focus();
    };
  }, [open]);
  return dialog;
}

export function HelpButton() {
  const { viewStore } = useSimulator();
  return (
    <div className="segmented">
      <button type="button" aria-haspopup="dialog" title="Gestures, shortcuts and the guide" data-testid="help-button" onClick={() => viewStore.getState().setHelp('help')}>
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Help</span>
      </button>
    </div>
  );
}

/** The help panel (gestures and shortcuts) and the first-run guide. */
export function HelpDialogs() {
  const { viewStore } = useSimulator();
  const help = useView((v) => v.help);
  const units = useView((v) => v.units);
  const helpDialog = useModal(help === 'help');
  const guideDialog = useModal(help === 'guide');
  const close = () => viewStore.getState().setHelp('none');
  const closeGuide = () => {
    markGuideSeen();
    close();
  };
  return (
    <>
      <dialog ref={helpDialog} className="modal help-dialog" aria-labelledby="help-title" onCancel={(e) => (e.preventDefault(), close())} data-testid="help-dialog">
        {help === 'help' && (
          <>
            <header className="modal-header">
              <h2 id="help-title">Help</h2>
              <button type="button" className="tool-button" onClick={close} autoFocus>
                Close
              </button>
            </header>
            <h3>Gestures</h3>
            <dl className="help-list">
              {GESTURES.map(([what, how]) => (
                <div key={what}>
                  <dt>{what}</dt>
                  <dd>{how.replace('{loupe}', formatLength(LOUPE_FIELD_MM, units, 0))}</dd>
                </div>
              ))}
            </dl>
            <h3>Keyboard shortcuts</h3>
            <dl className="help-list">
              {SHORTCUTS.map(([keys, what]) => (
                <div key={keys}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
            <p className="hint">A simulation, not a guarantee: healed results vary with skin, aftercare and technique.</p>
            <button type="button" className="tool-button" data-testid="replay-guide" onClick={() => viewStore.getState().setHelp('guide')}>
              Show the guide again
            </button>
          </>
        )}
      </dialog>
      <dialog ref={guideDialog} className="modal guide-dialog" aria-labelledby="guide-title" onCancel={(e) => (e.preventDefault(), closeGuide())} data-testid="guide">
        {help === 'guide' && <GuideSteps onDone={closeGuide} />}
      </dialog>
    </>
  );
}

function GuideSteps({ onDone }: { onDone: () => void }) {
  const [page, setPage] = useState(0);
  const step = GUIDE[page]!;
  const last = page === GUIDE.length - 1;
  return (
    <>
      <p className="guide-progress">
        {page + 1} of {GUIDE.length}
      </p>
      <h2 id="guide-title">{step.title}</h2>
      <p>{step.text}</p>
      <div className="guide-actions">
        <button type="button" className="tool-button" onClick={onDone} data-testid="guide-skip">
          {last ? 'Close' : 'Skip'}
        </button>
        {page > 0 && (
          <button type="button" className="tool-button" onClick={() => setPage(page - 1)}>
            Back
          </button>
        )}
        {!last && (
          <button type="button" className="tool-button primary" onClick={() => setPage(page + 1)} data-testid="guide-next" autoFocus>
            Next
          </button>
        )}
        {last && (
          <button type="button" className="tool-button primary" onClick={onDone} data-testid="guide-done" autoFocus>
            Start
          </button>
        )}
      </div>
    </>
  );
}
