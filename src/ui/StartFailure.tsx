import { useTranslation } from 'react-i18next';

/**
 * The page shown instead of the app when it cannot start because a file it needs could not be read (a
 * dropped connection before the app was cached, a damaged or missing file after an update): words and a
 * way to try again, not a blank page. Nothing has been read from or written to the saved plans by then.
 */
export function StartFailure() {
  const { t } = useTranslation('app');
  return (
    <div className="stage-message" role="alert" data-testid="start-failure">
      <h2>{t('startFailure.title')}</h2>
      <p>{t('startFailure.reason')}</p>
      <p>{t('startFailure.safe')}</p>
      <p>
        <button type="button" className="tool-button" onClick={() => window.location.reload()}>
          {t('startFailure.reload')}
        </button>
      </p>
    </div>
  );
}
