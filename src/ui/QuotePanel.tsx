import { useClinicProfile } from '../app/clinic';
import { buildQuote, quoteText, type QuoteText } from '../domain/quote';
import { ClinicButton } from './ClinicDialog';
import { useMeasurements } from './useMeasurements';

/**
 * The quote for the plan at the clinic's prices (step 7): sessions, hours or area priced, total, deposit,
 * balance and how long it holds. Without a clinic profile it asks for one: no price is ever made up.
 */
export function QuotePanel() {
  const profile = useClinicProfile();
  const m = useMeasurements();
  const text = profile && m ? quoteText(buildQuote(profile, m, new Date())) : null;
  return (
    <section className="quote" aria-labelledby="quote-heading" data-testid="quote">
      <h3 id="quote-heading">Quote</h3>
      {!profile ? (
        <p className="hint" data-testid="quote-setup">
          Set up the clinic (name, logo and prices) to quote this plan here and in the report.
        </p>
      ) : text ? (
        <QuoteTable text={text} />
      ) : (
        <p className="hint">Working out the figures…</p>
      )}
      <ClinicButton testId="quote-clinic">{profile ? 'Clinic and prices…' : 'Set up the clinic…'}</ClinicButton>
    </section>
  );
}

/** The quote's lines and sums as a table, on screen and in the report. */
export function QuoteTable({ text }: { text: QuoteText }) {
  if (text.empty) return <p className="hint">{text.empty}</p>;
  return (
    <>
      <table className="quote-table">
        <tbody>
          {text.lines.map((line) => (
            <tr key={line.label}>
              <th scope="row">
                {line.label}
                <small>{line.detail}</small>
              </th>
              <td>{line.amount}</td>
            </tr>
          ))}
          <tr className="quote-total">
            <th scope="row">Total</th>
            <td data-testid="quote-total">{text.total}</td>
          </tr>
          {text.deposit && (
            <tr>
              <th scope="row">Deposit, when booking</th>
              <td>{text.deposit}</td>
            </tr>
          )}
          {text.balance && (
            <tr>
              <th scope="row">Balance</th>
              <td>{text.balance}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">Valid until {text.validUntil}. Sessions and hours are the plan’s estimates; the final price is agreed with the clinic.</p>
    </>
  );
}
