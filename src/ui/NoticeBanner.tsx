import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSimulator, useView } from '../app/simulator';
import { useSavedPlans } from '../app/savedPlans';
import { fieldLabel } from '../domain/planMerge';
import { textOf } from '../domain/textError';
import { useFieldLabel } from './i18n/fieldLabel';
import { messageText } from './i18n/messageText';

/**
 * The app's message of the moment. A conflict with another tab's save comes first: it waits for the
 * user's choice, and no other message may hide it.
 */
export function NoticeBanner() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const notice = useView((v) => v.notice);
  const savedPlans = useSavedPlans();
  const conflict = useStore(savedPlans.state, (s) => s.conflict);
  const label = useFieldLabel();
  if (conflict) {
    const fields = conflict.fields.length ? [...new Set(conflict.fields.map((path) => label(path, fieldLabel(path))))] : [t('notice.wholePlan')];
    const act = (action: () => Promise<void>) => () =>
      void action().catch((error: unknown) => viewStore.getState().showNotice('error', textOf(error) ?? (error instanceof Error ? error.message : String(error))));
    return (
      <div className="notice notice-error notice-choice" role="alert" data-testid="conflict-notice">
        <p>{t('notice.conflict', { fields: fields.join(', ') })}</p>
        <div className="notice-actions">
          <button type="button" className="tool-button" onClick={act(savedPlans.reloadTheirs)}>
            {t('notice.reloadTheirs')}
          </button>
          <button type="button" className="tool-button primary" onClick={act(savedPlans.keepMineAsCopy)}>
            {t('notice.keepMine')}
          </button>
        </div>
      </div>
    );
  }
  if (!notice) return null;
  const text = typeof notice.text === 'string' ? notice.text : messageText(t, notice.text);
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <p>{text}</p>
      <button type="button" aria-label={t('notice.dismiss')} onClick={() => viewStore.getState().dismissNotice()}>
        ×
      </button>
    </div>
  );
}
