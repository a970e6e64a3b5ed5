/** The Help button and the first-run guide's trigger; the dialogs themselves (Help.tsx) are read when one opens. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator } from '../app/simulator';

export const GUIDE_SEEN_KEY = 'smp-simulator.guide-seen';

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

export function HelpButton() {
  const { t } = useTranslation('help');
  const { viewStore } = useSimulator();
  return (
    <div className="segmented">
      <button type="button" aria-haspopup="dialog" title={t('button.hint')} data-testid="help-button" onClick={() => viewStore.getState().setHelp('help')}>
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">{t('button.label')}</span>
      </button>
    </div>
  );
}
