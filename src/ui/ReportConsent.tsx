import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlan } from '../app/simulator';
import { HEALTH_QUESTIONS, isSigned, SIGNER_ROLES, type ConsentVersion } from '../domain/consent';
import { ConsentAnswers, ConsentSignatures, HealthWarnings, useConsentText } from './ConsentPanel';
import { useFormat } from './i18n/useFormat';

/** Whether anything of a draft has been filled in: an untouched one is left out of the report. */
const started = (version: ConsentVersion) =>
  isSigned(version) || version.notes !== '' || HEALTH_QUESTIONS.some((q) => version.answers[q].answer !== 'unanswered') || SIGNER_ROLES.some((r) => version[r].image !== '');

/**
 * The consent in the report: its version and when it was signed, the text (as signed, or the one a draft
 * will be signed with), the health answers and warnings, and both signatures; earlier versions by number.
 */
export function ReportConsent() {
  const { t } = useTranslation('consent');
  const f = useFormat();
  const id = useId();
  const { current, history } = usePlan((p) => p.consent);
  const draftText = useConsentText();
  if (!started(current) && !history.length) return null;
  const signed = isSigned(current);
  const date = (iso: string) => f.date(new Date(iso), { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section className="report-consent" aria-labelledby={`${id}-heading`} data-testid="report-consent">
      <h2 id={`${id}-heading`}>{t('report.heading')}</h2>
      <p className="consent-status">
        <strong>{t('version', { version: current.version })}</strong> · {signed ? t('signedOn', { date: date(current.signedAt) }) : t('report.notSigned')}
      </p>
      <div className="report-consent-text" lang={signed ? current.language : undefined} data-testid="report-consent-text">
        {signed ? current.text : draftText.text}
      </div>
      <ConsentAnswers version={current} />
      <HealthWarnings answers={current.answers} />
      <ConsentSignatures version={current} />
      {history.length > 0 && (
        <p className="hint">{t('report.earlier', { versions: history.map((v) => t('historyItem', { version: v.version, date: date(v.signedAt) })).join('; ') })}</p>
      )}
    </section>
  );
}
