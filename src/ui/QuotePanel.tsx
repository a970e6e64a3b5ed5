import { useTranslation } from 'react-i18next';
import { useClinicProfile } from '../app/clinic';
import { buildQuote, type Quote } from '../domain/quote';
import { ClinicButton } from './ClinicDialog';
import { useFormat } from './i18n/useFormat';
import { quoteText } from './quoteText';
import { useMeasurements } from './useMeasurements';

/**
 * The quote for the plan at the clinic's prices (step 7): sessions, hours or area priced, total, deposit,
 * balance and how long it holds. Without a clinic profile it asks for one: no price is ever made up.
 */
export function QuotePanel() {
  const { t } = useTranslation('clinic');
  const profile = useClinicProfile();
  const m = useMeasurements();
  const quote = profile && m ? buildQuote(profile, m, new Date()) : null;
  return (
    <section className="quote" aria-labelledby="quote-heading" data-testid="quote">
      <h3 id="quote-heading">{t('quote.heading')}</h3>
      {!profile ? (
        <p className="hint" data-testid="quote-setup">
          {t('quote.setup')}
        </p>
      ) : quote ? (
        <QuoteTable quote={quote} />
      ) : (
        <p className="hint">{t('quote.working')}</p>
      )}
      <ClinicButton testId="quote-clinic">{profile ? t('quote.clinicAndPrices') : t('quote.setUpClinic')}</ClinicButton>
    </section>
  );
}

/** The quote's lines and sums as a table, on screen and in the report, in the chosen language. */
export function QuoteTable({ quote }: { quote: Quote }) {
  const { t } = useTranslation('clinic');
  const f = useFormat();
  const text = quoteText(quote, t, f);
  if (text.empty) return <p className="hint">{text.empty}</p>;
  return (
    <>
      <table className="quote-table">
        <tbody>
          {text.lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">
                {line.label}
                <small>{line.detail}</small>
              </th>
              <td>{line.amount}</td>
            </tr>
          ))}
          <tr className="quote-total">
            <th scope="row">{t('quote.total')}</th>
            <td data-testid="quote-total">{text.total}</td>
          </tr>
          {text.deposit && (
            <tr>
              <th scope="row">{t('quote.deposit')}</th>
              <td>{text.deposit}</td>
            </tr>
          )}
          {text.balance && (
            <tr>
              <th scope="row">{t('quote.balance')}</th>
              <td>{text.balance}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">{t('quote.validUntil', { date: text.validUntil })}</p>
    </>
  );
}
