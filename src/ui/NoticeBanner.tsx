import { useSimulator, useView } from '../app/simulator';

export function NoticeBanner() {
  const { viewStore } = useSimulator();
  const notice = useView((v) => v.notice);
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
