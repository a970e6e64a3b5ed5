import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { STEPS } from '../domain/consultation';
import { LOUPE_FIELD_MM } from '../state/viewStore';
import { GUIDE_SEEN_KEY } from './HelpButton';
import { useFormat } from './i18n/useFormat';

/** The gestures, in the order they are listed (their words in help `gestures.<id>`). */
const GESTURES = ['turn', 'zoom', 'pan', 'views', 'loupe', 'movePoint', 'addPoint', 'paint', 'compare'] as const;

/** Key names as keyboards in the chosen language print them (help `keys`). */
type KeyNames = Record<'ctrl' | 'shift' | 'delete' | 'escape' | 'tab' | 'divider', string>;

/** The shortcuts: their keys, written with those key names, and what they do (help `shortcuts.<what>`). */
const SHORTCUTS = [
  { what: 'undo', keys: (k: KeyNames) => `${k.ctrl}+Z / ⌘Z` },
  { what: 'redo', keys: (k: KeyNames) => `${k.shift}+${k.ctrl}+Z / ${k.shift}+⌘Z, ${k.ctrl}+Y` },
  { what: 'loupe', keys: () => 'L' },
  { what: 'remove', keys: (k: KeyNames) => k.delete },
  { what: 'divider', keys: (k: KeyNames) => k.divider },
  { what: 'focus', keys: (k: KeyNames) => `${k.tab}, ${k.shift}+${k.tab}` },
  { what: 'escape', keys: (k: KeyNames) => k.escape },
] as const;

/** The first-run guide's pages (help `guide.<page>`). */
const GUIDE = ['welcome', 'steps', 'look', 'safe'] as const;

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

/** The help panel (gestures and shortcuts) and the first-run guide: a chunk of its own, mounted while one is open. */
export function HelpDialogs() {
  const { t } = useTranslation('help');
  const f = useFormat();
  const { viewStore } = useSimulator();
  const help = useView((v) => v.help);
  const keyNames = t('keys', { returnObjects: true });
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
              <h2 id="help-title">{t('title')}</h2>
              <button type="button" className="tool-button" onClick={close} autoFocus>
                {t('close')}
              </button>
            </header>
            <h3>{t('gestures.title')}</h3>
            <dl className="help-list">
              {GESTURES.map((gesture) => (
                <div key={gesture}>
                  <dt>{t(`gestures.${gesture}.what`)}</dt>
                  <dd>{t(`gestures.${gesture}.how`, { size: f.length(LOUPE_FIELD_MM, 0) })}</dd>
                </div>
              ))}
            </dl>
            <h3>{t('shortcuts.title')}</h3>
            <dl className="help-list">
              {SHORTCUTS.map(({ what, keys }) => (
                <div key={what}>
                  <dt>
                    <kbd>{keys(keyNames)}</kbd>
                  </dt>
                  <dd>{t(`shortcuts.${what}`)}</dd>
                </div>
              ))}
            </dl>
            <p className="hint">{t('disclaimer')}</p>
            <button type="button" className="tool-button" data-testid="replay-guide" onClick={() => viewStore.getState().setHelp('guide')}>
              {t('replay')}
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
  const { t } = useTranslation(['help', 'app']);
  const [page, setPage] = useState(0);
  const step = GUIDE[page]!;
  const last = page === GUIDE.length - 1;
  const steps = STEPS.map((s) => t(`app:steps.${s.id}.title`)).join(', ');
  return (
    <>
      <p className="guide-progress">{t('guide.progress', { page: page + 1, total: GUIDE.length })}</p>
      <h2 id="guide-title">{t(`guide.${step}.title`)}</h2>
      <p>{t(`guide.${step}.text`, { steps })}</p>
      <div className="guide-actions">
        <button type="button" className="tool-button" onClick={onDone} data-testid="guide-skip">
          {last ? t('guide.close') : t('guide.skip')}
        </button>
        {page > 0 && (
          <button type="button" className="tool-button" onClick={() => setPage(page - 1)}>
            {t('guide.back')}
          </button>
        )}
        {!last && (
          <button type="button" className="tool-button primary" onClick={() => setPage(page + 1)} data-testid="guide-next" autoFocus>
            {t('guide.next')}
          </button>
        )}
        {last && (
          <button type="button" className="tool-button primary" onClick={onDone} data-testid="guide-done" autoFocus>
            {t('guide.start')}
          </button>
        )}
      </div>
    </>
  );
}
