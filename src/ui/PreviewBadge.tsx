import { useSimulator, usePlan, useView } from '../app/simulator';

/**
 * Says on the view itself when it is not showing the finished, freshly healed result, so a client never
 * mistakes a preview of session 1 or of faded pigment for the plan. Tapping it returns to the result.
 */
export function PreviewBadge() {
  const { viewStore } = useSimulator();
  const sessionPreview = useView((v) => v.sessionPreview);
  const ageYears = useView((v) => v.ageYears);
  const healingDay = useView((v) => v.healingDay);
  const sessionCount = usePlan((p) => p.sessions.length);
  const session = sessionPreview !== null && sessionPreview < sessionCount ? sessionPreview : null;
  if (session === null && ageYears === 0 && healingDay === null) return null;
  const parts = [
    ...(healingDay !== null ? [`day ${healingDay}`] : []),
    ...(session !== null ? [`after session ${session} of ${sessionCount}`] : []),
    ...(ageYears > 0 ? [`${ageYears} year${ageYears === 1 ? '' : 's'} after treatment`] : []),
  ];
  return (
    <button
      type="button"
      className="preview-badge"
      data-testid="preview-badge"
      title="Back to the finished, freshly healed result"
      onClick={() => {
        viewStore.getState().setSessionPreview(null);
        viewStore.getState().setAgeYears(0);
        viewStore.getState().setHealingDay(null);
      }}
    >
      Preview: {parts.join(', ')} <span aria-hidden="true">×</span>
    </button>
  );
}
