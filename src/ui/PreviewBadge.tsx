import { useTranslation } from 'react-i18next';
import { useSimulator, usePlan, useView } from '../app/simulator';

/**
 * Says on the view itself when it is not showing the finished, freshly healed result, so a client never
 * mistakes a preview of session 1 or of faded pigment for the plan. Tapping it returns to the result.
 */
export function PreviewBadge() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const sessionPreview = useView((v) => v.sessionPreview);
  const ageYears = useView((v) => v.ageYears);
  const healingDay = useView((v) => v.healingDay);
  const sessionCount = usePlan((p) => p.sessions.length);
  const session = sessionPreview !== null && sessionPreview < sessionCount ? sessionPreview : null;
  if (session === null && ageYears === 0 && healingDay === null) return null;
  const parts = [
    ...(healingDay !== null ? [t('preview.day', { day: healingDay })] : []),
    ...(session !== null ? [t('preview.session', { session, total: sessionCount })] : []),
    ...(ageYears > 0 ? [t('preview.years', { count: ageYears })] : []),
  ];
  return (
    <button
      type="button"
      className="preview-badge"
      data-testid="preview-badge"
      title={t('preview.hint')}
      onClick={() => {
        viewStore.getState().setSessionPreview(null);
        viewStore.getState().setAgeYears(0);
        viewStore.getState().setHealingDay(null);
      }}
    >
      {t('preview.badge', { parts: parts.join(', ') })} <span aria-hidden="true">×</span>
    </button>
  );
}
