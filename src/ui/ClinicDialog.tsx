import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic, useClinicProfile } from '../app/clinic';
import { userMessage } from '../app/userMessage';
import { clinicErrorText } from './clinicErrorText';
import { useFormat } from './i18n/useFormat';
import { ImportFileButton } from './ImportFileButton';
import { blankClinicProfile, ClinicError, MAX_TEXT, MAX_VALIDITY_DAYS, PRICE_MODELS, type ClinicProfile, type PriceModel } from '../domain/clinic';

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

/**
 * The profile as the form shows it, amounts written by `decimal` (the chosen language's decimal sign, no
 * grouping, so that `number` below reads them back).
 */
const formOf = (p: ClinicProfile, decimal: (value: number) => string): ClinicForm => ({
  name: p.name,
  logo: p.logo,
  address: p.address,
  contact: p.contact,
  primary: p.colors.primary,
  accent: p.colors.accent,
  model: p.price.model,
  amount: p.price.amount > 0 ? decimal(p.price.amount) : '',
  currency: p.price.currency,
  deposit: p.price.deposit > 0 ? decimal(p.price.deposit) : '',
  validityDays: String(p.validityDays),
  consentText: p.consentText,
});

/**
 * A typed number, with a decimal point or comma as the user's language writes it: empty is 0 only where 0
 * means "none" (the deposit); anything else unreadable stays NaN.
 */
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
  const { t } = useTranslation('clinic');
  const clinic = useClinic();
  const saved = useClinicProfile();
  const f = useFormat();
  // Prices have at most three decimals (a currency's minor unit).
  const decimal = (value: number) => f.number(value, { useGrouping: false, maximumFractionDigits: 3 });
  const [form, setForm] = useState<ClinicForm>(() => formOf(saved ?? blankClinicProfile(), decimal));
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
      setError(e instanceof ClinicError ? clinicErrorText(e, t) : userMessage(e, t('failed')));
      setStatus('');
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() => {
      const profile = clinic.save(profileOf(form));
      setForm(formOf(profile, decimal));
      return t('status.saved', { name: profile.name });
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

  // Built here, outside the markup: a field's key names its data, not words a person reads.
  const nameField = field('name', t('who.name'), false);
  const addressField = field('address', t('who.address'), true);
  const contactField = field('contact', t('who.contact'), true, t('who.contactHint'));
  const consentField = field('consentText', t('consent.text'), true, t('consent.hint'));
  const amountField = numberField('amount', t(`prices.amount.${form.model}`));
  const depositField = numberField('deposit', t('prices.deposit'), t('prices.depositHint'));
  const validityField = numberField('validityDays', t('prices.validity'), t('prices.validityHint', { max: MAX_VALIDITY_DAYS }));

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
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <button type="button" className="plans-close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <form onSubmit={save} noValidate>
        <section className="plans-section" aria-labelledby={`${id}-who`}>
          <h3 id={`${id}-who`}>{t('who.heading')}</h3>
          <p className="hint">{t('who.hint')}</p>
          <div className="plans-fields">
            {nameField}
            <div className="field">
              <span id={`${id}-logo`}>{t('who.logo')}</span>
              <div className="clinic-logo-row" role="group" aria-labelledby={`${id}-logo`}>
                {form.logo ? <img className="clinic-logo" src={form.logo} alt={t('who.logoAlt')} data-testid="clinic-logo-preview" /> : <span className="hint">{t('who.noLogo')}</span>}
                <button type="button" className="tool-button" onClick={() => logoInput.current?.click()}>
                  {form.logo ? t('who.changeLogo') : t('who.chooseLogo')}
                </button>
                {form.logo && (
                  <button type="button" className="tool-button" onClick={() => set('logo', null)}>
                    {t('who.removeLogo')}
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
                      return t('status.logoReady', { fileName: file.name });
                    });
                  }
                }}
              />
              <small className="hint">{t('who.logoHint')}</small>
            </div>
            {addressField}
            {contactField}
            <div className="field inline">
              <label htmlFor={`${id}-primary`}>{t('who.primary')}</label>
              <input id={`${id}-primary`} type="color" value={form.primary} onChange={(e) => set('primary', e.currentTarget.value)} data-testid="clinic-primary" />
              <span />
            </div>
            <div className="field inline">
              <label htmlFor={`${id}-accent`}>{t('who.accent')}</label>
              <input id={`${id}-accent`} type="color" value={form.accent} onChange={(e) => set('accent', e.currentTarget.value)} data-testid="clinic-accent" />
              <span />
            </div>
          </div>
        </section>
        <section className="plans-section" aria-labelledby={`${id}-prices`}>
          <h3 id={`${id}-prices`}>{t('prices.heading')}</h3>
          <div className="plans-fields">
            <div className="field">
              <label htmlFor={`${id}-model`}>{t('prices.model')}</label>
              <select id={`${id}-model`} value={form.model} onChange={(e) => set('model', e.currentTarget.value as PriceModel)} data-testid="clinic-model">
                {PRICE_MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`prices.models.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-currency`}>{t('prices.currency')}</label>
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
              <small className="hint">{t('prices.currencyHint')}</small>
            </div>
            {amountField}
            {depositField}
            {validityField}
          </div>
        </section>
        <section className="plans-section" aria-labelledby={`${id}-consent`}>
          <h3 id={`${id}-consent`}>{t('consent.heading')}</h3>
          {consentField}
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
              {t('actions.save')}
            </button>
            <button type="button" className="tool-button" disabled={!saved} onClick={() => void attempt(() => t('status.exported', { fileName: clinic.download(saved!) }))}>
              {t('actions.exportFile')}
            </button>
            <ImportFileButton
              testId="clinic-file-input"
              onFile={(file) =>
                void attempt(async () => {
                  const profile = clinic.save(await clinic.readFile(file));
                  setForm(formOf(profile, decimal));
                  return t('status.imported', { name: profile.name, fileName: file.name });
                })
              }
            />
            {saved &&
              (confirmRemove ? (
                <span className="plans-confirm" role="group" aria-label={t('actions.removeQuestion')}>
                  <button
                    type="button"
                    className="tool-button danger"
                    onClick={() => {
                      clinic.remove();
                      setForm(formOf(blankClinicProfile(), decimal));
                      setConfirmRemove(false);
                      setStatus(t('status.removed'));
                    }}
                  >
                    {t('actions.removeConfirm')}
                  </button>
                  <button type="button" className="tool-button" onClick={() => setConfirmRemove(false)}>
                    {t('actions.keep')}
                  </button>
                </span>
              ) : (
                <button type="button" className="tool-button" onClick={() => setConfirmRemove(true)}>
                  {t('actions.remove')}
                </button>
              ))}
          </div>
          <p className="hint">{t('actions.fileHint')}</p>
        </section>
      </form>
    </dialog>
  );
}
