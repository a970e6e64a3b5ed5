import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useClinic, useClinicProfile } from '../app/clinic';
import { userMessage } from '../app/userMessage';
import { ImportFileButton } from './ImportFileButton';
import { blankClinicProfile, MAX_TEXT, MAX_VALIDITY_DAYS, PRICE_MODEL_LABELS, PRICE_MODELS, type ClinicProfile, type PriceModel } from '../domain/clinic';

/** Currencies offered as the user types (any ISO 4217 code is accepted). */
const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'TRY', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'AED', 'SAR', 'JPY', 'MXN', 'BRL', 'INR', 'ZAR'];

/** The form's values as typed: numbers stay text until saved, so a half-typed price is not lost. */
interface ClinicForm {
  name: string;
  logo: string | null;
  address: string;
  contact: string;
  primary: string;
  accent: string;
  model: PriceModel;
  amount: string;
  currency: string;
  deposit: string;
  validityDays: string;
  consentText: string;
}

const formOf = (p: ClinicProfile): ClinicForm => ({
  name: p.name,
  logo: p.logo,
  address: p.address,
  contact: p.contact,
  primary: p.colors.primary,
  accent: p.colors.accent,
  model: p.price.model,
  amount: p.price.amount > 0 ? String(p.price.amount) : '',
  currency: p.price.currency,
  deposit: p.price.deposit > 0 ? String(p.price.deposit) : '',
  validityDays: String(p.validityDays),
  consentText: p.consentText,
});

/** A typed number: empty is 0 only where 0 means "none" (the deposit); anything else unreadable stays NaN. */
const number = (text: string, emptyIs: number) => (text.trim() === '' ? emptyIs : Number(text.replace(',', '.')));

const profileOf = (f: ClinicForm) => ({
  name: f.name,
  logo: f.logo,
  address: f.address,
  contact: f.contact,
  colors: { primary: f.primary, accent: f.accent },
  price: { model: f.model, amount: number(f.amount, Number.NaN), currency: f.currency.trim().toUpperCase(), deposit: number(f.deposit, 0) },
  validityDays: number(f.validityDays, Number.NaN),
  consentText: f.consentText,
});

/** A button that opens the Clinic dialog (in Plans, and under the quote), and takes focus back when it closes. */
export function ClinicButton({ children, testId }: { children: ReactNode; testId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="tool-button" aria-haspopup="dialog" aria-expanded={open} data-testid={testId} onClick={() => setOpen(true)}>
        {children}
      </button>
      {open && <ClinicDialog onClose={close} />}
    </>
  );
}

/** The clinic's profile as a form: saved on this device, exported and imported as a file. */
export function ClinicDialog({ onClose }: { onClose: () => void }) {
  const clinic = useClinic();
  const saved = useClinicProfile();
  const [form, setForm] = useState<ClinicForm>(() => formOf(saved ?? blankClinicProfile()));
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const logoInput = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const set = <K extends keyof ClinicForm>(key: K, value: ClinicForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  /** Runs an action; its failure is said in the dialog, in words, and changes nothing. */
  const attempt = async (action: () => Promise<string> | string) => {
    try {
      setStatus(await action());
      setError('');
    } catch (e) {
      setError(userMessage(e, 'That did not work.'));
      setStatus('');
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() => {
      const profile = clinic.save(profileOf(form));
      setForm(formOf(profile));
      return `Saved “${profile.name}” on this device. Quotes and reports use it.`;
    });
  };

  const field = (key: 'name' | 'address' | 'contact' | 'consentText', label: string, multiline: boolean, hint?: string) => (
    <div className={multiline ? 'field notes' : 'field'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {multiline ? (
        <textarea id={`${id}-${key}`} rows={key === 'consentText' ? 5 : 2} maxLength={MAX_TEXT[key]} value={form[key]} onChange={(e) => set(key, e.currentTarget.value)} data-testid={`clinic-${key}`} />
      ) : (
        <input id={`${id}-${key}`} type="text" maxLength={MAX_TEXT[key]} value={form[key]} onChange={(e) => set(key, e.currentTarget.value)} data-testid={`clinic-${key}`} required={key === 'name'} />
      )}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );
  const numberField = (key: 'amount' | 'deposit' | 'validityDays', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="text" inputMode={key === 'validityDays' ? 'numeric' : 'decimal'} value={form[key]} onChange={(e) => set(key, e.currentTarget.value)} data-testid={`clinic-${key}`} />
      {hint && <small className="hint">{hint}</small>}
    </div>
  );

  return (
    <dialog
      ref={dialog}
      className="plans-dialog clinic-dialog"
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      data-testid="clinic-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // The app's keyboard shortcuts act on what is behind the dialog: keep them quiet while it is open.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="plans-header">
        <h2 id={`${id}-title`}>Clinic</h2>
        <button type="button" className="plans-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form onSubmit={save} noValidate>
        <section className="plans-section" aria-labelledby={`${id}-who`}>
          <h3 id={`${id}-who`}>Who you are</h3>
          <p className="hint">Kept on this device only, never in a plan or a link. Printed at the top of the report and the quote.</p>
          <div className="plans-fields">
            {field('name', 'Clinic name', false)}
            <div className="field">
              <span id={`${id}-logo`}>Logo</span>
              <div className="clinic-logo-row" role="group" aria-labelledby={`${id}-logo`}>
                {form.logo ? <img className="clinic-logo" src={form.logo} alt="The clinic’s logo" data-testid="clinic-logo-preview" /> : <span className="hint">None</span>}
                <button type="button" className="tool-button" onClick={() => logoInput.current?.click()}>
                  {form.logo ? 'Change…' : 'Choose…'}
                </button>
                {form.logo && (
                  <button type="button" className="tool-button" onClick={() => set('logo', null)}>
                    Remove
                  </button>
                )}
              </div>
              <input
                ref={logoInput}
                type="file"
                accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
                hidden
                data-testid="clinic-logo-input"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) {
                    void attempt(async () => {
                      set('logo', await clinic.readLogo(file));
                      return `Logo “${file.name}” ready: save to keep it.`;
                    });
                  }
                }}
              />
              <small className="hint">PNG, JPEG or SVG, at most 256 KB.</small>
            </div>
            {field('address', 'Address', true)}
            {field('contact', 'Contact', true, 'Phone, e-mail, website: as clients should see them.')}
            <div className="field inline">
              <label htmlFor={`${id}-primary`}>Main colour</label>
              <input id={`${id}-primary`} type="color" value={form.primary} onChange={(e) => set('primary', e.currentTarget.value)} data-testid="clinic-primary" />
              <span />
            </div>
            <div className="field inline">
              <label htmlFor={`${id}-accent`}>Second colour</label>
              <input id={`${id}-accent`} type="color" value={form.accent} onChange={(e) => set('accent', e.currentTarget.value)} data-testid="clinic-accent" />
              <span />
            </div>
          </div>
        </section>
        <section className="plans-section" aria-labelledby={`${id}-prices`}>
          <h3 id={`${id}-prices`}>Prices</h3>
          <div className="plans-fields">
            <div className="field">
              <label htmlFor={`${id}-model`}>Price model</label>
              <select id={`${id}-model`} value={form.model} onChange={(e) => set('model', e.currentTarget.value as PriceModel)} data-testid="clinic-model">
                {PRICE_MODELS.map((m) => (
                  <option key={m} value={m}>
                    {PRICE_MODEL_LABELS[m].label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-currency`}>Currency</label>
              <input
                id={`${id}-currency`}
                type="text"
                maxLength={3}
                autoCapitalize="characters"
                list={`${id}-currencies`}
                value={form.currency}
                onChange={(e) => set('currency', e.currentTarget.value.toUpperCase())}
                data-testid="clinic-currency"
              />
              <datalist id={`${id}-currencies`}>
                {COMMON_CURRENCIES.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <small className="hint">ISO code: EUR, USD, GBP, TRY…</small>
            </div>
            {numberField('amount', `Price ${form.model === 'session' ? 'per session' : form.model === 'hour' ? 'per hour' : 'per cm²'}`)}
            {numberField('deposit', 'Deposit', 'Paid when booking; leave empty for none.')}
            {numberField('validityDays', 'Quote valid for (days)', `1 to ${MAX_VALIDITY_DAYS} days from the day it is shown.`)}
          </div>
        </section>
        <section className="plans-section" aria-labelledby={`${id}-consent`}>
          <h3 id={`${id}-consent`}>Consent</h3>
          {field('consentText', 'Default consent text', true, 'Kept for the consent step.')}
        </section>
        <section className="plans-section">
          {error && (
            <p className="notice notice-error" role="alert" data-testid="clinic-error">
              {error}
            </p>
          )}
          <p className="plans-status" role="status" data-testid="clinic-status">
            {status}
          </p>
          <div className="plans-actions">
            <button type="submit" className="tool-button primary" data-testid="clinic-save">
              Save
            </button>
            <button type="button" className="tool-button" disabled={!saved} onClick={() => void attempt(() => `Exported ${clinic.download(saved!)}.`)}>
              Export file
            </button>
            <ImportFileButton
              testId="clinic-file-input"
              onFile={(file) =>
                void attempt(async () => {
                  const profile = clinic.save(await clinic.readFile(file));
                  setForm(formOf(profile));
                  return `Imported “${profile.name}” from ${file.name}; it is kept on this device.`;
                })
              }
            />
            {saved &&
              (confirmRemove ? (
                <span className="plans-confirm" role="group" aria-label="Remove the clinic profile?">
                  <button
                    type="button"
                    className="tool-button danger"
                    onClick={() => {
                      clinic.remove();
                      setForm(formOf(blankClinicProfile()));
                      setConfirmRemove(false);
                      setStatus('Removed the clinic profile from this device.');
                    }}
                  >
                    Remove from this device
                  </button>
                  <button type="button" className="tool-button" onClick={() => setConfirmRemove(false)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" className="tool-button" onClick={() => setConfirmRemove(true)}>
                  Remove…
                </button>
              ))}
          </div>
          <p className="hint">A clinic file sets up another tablet alike: export it here, import it there.</p>
        </section>
      </form>
    </dialog>
  );
}
