/** The Plans dialog: the saved plans, the open plan's client fields, plan files and the clinic profile. Read from its own chunk when first opened. */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useDeviceFiles } from '../app/deviceFiles';
import { usePlan, useSimulator } from '../app/simulator';
import { ImportFileButton } from './ImportFileButton';
import { CLIENT_FIELDS } from '../domain/plan';
import type { PlanRecord } from '../domain/savedPlan';
import { textOf } from '../domain/textError';
import { NoticeBanner } from './NoticeBanner';
import { useOpenPlanFile } from './PlanFileDrop';
import { useSavedPlans } from '../app/savedPlans';
import { useClinicProfile } from '../app/clinic';
import { ClinicButton } from './ClinicDialog';
import { useFormat } from './i18n/useFormat';
import { usePlanTitle } from './planTitle';

/** A consultation date (`YYYY-MM-DD`, a calendar day with no time zone): read and written in UTC so no zone moves it. */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);
const DAY_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const TIME_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

type RowMode = { id: string; action: 'rename' | 'delete' } | null;

export function PlansDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('plans');
  const titleOf = usePlanTitle();
  const { planStore, viewStore } = useSimulator();
  const files = useDeviceFiles();
  const savedPlans = useSavedPlans();
  const { available, starting, openId, revision } = useStore(savedPlans.state);
  const openPlanFile = useOpenPlanFile();
  const dialog = useRef<HTMLDialogElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  /** The saved plans, once read. */
  const [records, setRecords] = useState<PlanRecord[] | null>(null);
  const [mode, setMode] = useState<RowMode>(null);
  /** What the last action did, for everyone (it is a live region). */
  const [status, setStatus] = useState('');

  useEffect(() => {
    const element = dialog.current;
    // A native modal dialog: the page behind it is inert, focus starts inside and Tab stays inside.
    element?.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (!available) return;
    let current = true;
    savedPlans.list().then(
      (list) => current && setRecords(list),
      () => undefined,
    );
    return () => void (current = false);
  }, [savedPlans, available, revision]);

  /** Runs an action on saved plans; a failure is shown like every other message. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      return true;
    } catch (error) {
      viewStore.getState().showNotice('error', textOf(error) ?? (error instanceof Error ? error.message : String(error)));
      return false;
    }
  };

  const newPlan = async () => {
    if (await run(() => savedPlans.newPlan())) {
      setStatus(available ? t('status.startedListed') : t('status.started'));
      nameField.current?.focus();
    }
  };
  const openSaved = async (record: PlanRecord) => {
    if (await run(() => savedPlans.open(record.id))) {
      viewStore.getState().showNotice('info', { key: 'plans:notice.opened', params: { title: titleOf(record.plan) } });
      onClose();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="plans-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // The app's keyboard shortcuts act on what is behind the dialog: keep them quiet while it is open.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="plans-header">
        <h2 id={titleId}>{t('title')}</h2>
        <button type="button" className="plans-close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <NoticeBanner />

      <section className="plans-section" aria-labelledby={`${titleId}-this`}>
        <h3 id={`${titleId}-this`}>{t('thisPlan.heading')}</h3>
        <ClientFields nameField={nameField} />
        <p className="hint">
          {available ? t('thisPlan.saving') : starting ? t('thisPlan.starting') : t('thisPlan.autosaveOff')}
        </p>
        <div className="plans-actions">
          <button type="button" className="tool-button" onClick={() => void newPlan()}>
            {t('thisPlan.newPlan')}
          </button>
          <button type="button" className="tool-button" onClick={() => setStatus(t('status.exported', { fileName: files.downloadPlan(planStore.getState().plan) }))}>
            {t('thisPlan.exportFile')}
          </button>
          <ImportFileButton testId="plan-file-input" onFile={(file) => void openPlanFile(file).then((opened) => opened && onClose())} />
        </div>
        <p className="hint">{t('thisPlan.dropHint')}</p>
      </section>

      <ClinicSection titleId={titleId} />

      {available && (
        <section className="plans-section" aria-labelledby={`${titleId}-saved`}>
          <h3 id={`${titleId}-saved`} ref={listHeading} tabIndex={-1}>
            {records ? t('saved.headingCount', { count: records.length }) : t('saved.heading')}
          </h3>
          <p className="plans-status" role="status">
            {status}
          </p>
          <ul className="plans-list">
            {records?.map((record) => (
              <SavedPlanRow
                key={record.id}
                record={record}
                isOpen={record.id === openId}
                mode={mode?.id === record.id ? mode.action : null}
                setMode={(action) => setMode(action && { id: record.id, action })}
                onOpen={() => void openSaved(record)}
                onDuplicate={async () => {
                  if (await run(() => savedPlans.duplicate(record.id))) setStatus(t('status.copied', { title: titleOf(record.plan) }));
                }}
                onRename={async (name) => {
                  const renamed = await run(() => savedPlans.rename(record.id, name));
                  if (renamed) setStatus(t('status.renamed', { title: name || t('untitled') }));
                  return renamed;
                }}
                onDelete={async () => {
                  const wasOnScreen = record.id === openId;
                  if (await run(() => savedPlans.remove(record.id))) {
                    setMode(null);
                    // Deleting the plan on screen opens another one: say which.
                    const title = titleOf(record.plan);
                    setStatus(wasOnScreen ? t('status.deletedShowing', { title, next: titleOf(planStore.getState().plan) }) : t('status.deleted', { title }));
                    listHeading.current?.focus();
                  }
                }}
              />
            ))}
          </ul>
        </section>
      )}
    </dialog>
  );
}

/** The plan's client details, edited in place: typing in one field is one undo step. */
function ClientFields({ nameField }: { nameField: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('plans');
  const sim = useSimulator();
  const client = usePlan((p) => p.client);
  const id = useId();
  // Typing in one field is one step: the field's own gesture, ended when it loses focus.
  const edit = (key: keyof typeof CLIENT_FIELDS, value: string) => runCommand(sim, 'plan.set', { path: ['client', key], value }, { gesture: `client-${key}` });
  const endGesture = () => sim.planStore.getState().endGesture();
  return (
    <div className="plans-fields">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('client.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameField}
          type="text"
          autoComplete="off"
          maxLength={CLIENT_FIELDS.name.maxLength}
          value={client.name}
          placeholder={t('untitled')}
          data-testid="client-name"
          onChange={(e) => edit('name', e.currentTarget.value)}
          onBlur={endGesture}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('client.date')}</label>
        <input id={`${id}-date`} type="date" value={client.date} data-testid="client-date" onChange={(e) => edit('date', e.currentTarget.value)} onBlur={endGesture} />
      </div>
      <div className="field notes">
        <label htmlFor={`${id}-notes`}>{t('client.notes')}</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={CLIENT_FIELDS.notes.maxLength}
          value={client.notes}
          data-testid="client-notes"
          onChange={(e) => edit('notes', e.currentTarget.value)}
          onBlur={endGesture}
        />
      </div>
    </div>
  );
}

interface RowProps {
  record: PlanRecord;
  /** This saved plan is the one on screen. */
  isOpen: boolean;
  mode: 'rename' | 'delete' | null;
  setMode(mode: 'rename' | 'delete' | null): void;
  onOpen(): void;
  onDuplicate(): Promise<void>;
  /** Resolves to whether the name was saved. */
  onRename(name: string): Promise<boolean>;
  onDelete(): Promise<void>;
}

function SavedPlanRow({ record, isOpen, mode, setMode, onOpen, onDuplicate, onRename, onDelete }: RowProps) {
  const { t } = useTranslation('plans');
  const f = useFormat();
  // The plan on screen is shown as it is now, not as last written (that is up to a moment older).
  const live = usePlan((p) => p.client);
  const client = isOpen ? live : record.plan.client;
  const title = client.name.trim() || t('untitled');
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [draft, setDraft] = useState(client.name);

  /**
   * Back to the row's buttons, with focus on the one that asked the question. The buttons are rendered at
   * once rather than focused on the next frame, which a busy graphics card can hold back for seconds: focus
   * never falls to the page meanwhile.
   */
  const leave = (button: RefObject<HTMLButtonElement | null>) => {
    flushSync(() => setMode(null));
    button.current?.focus();
  };
  const submitRename = async (e: FormEvent) => {
    e.preventDefault();
    if (await onRename(draft.trim())) leave(renameButton);
  };
  /** Escape backs out of this row's question, not out of the whole dialog. */
  const escapeLeaves = (e: KeyboardEvent, button: RefObject<HTMLButtonElement | null>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    leave(button);
  };

  return (
    <li className={isOpen ? 'plans-row current' : 'plans-row'} data-plan-id={record.id}>
      {mode === 'rename' ? (
        <form className="plans-rename" onSubmit={(e) => void submitRename(e)} onKeyDown={(e) => escapeLeaves(e, renameButton)}>
          <label htmlFor={`${id}-rename`}>{t('saved.renameLabel', { title })}</label>
          <input
            id={`${id}-rename`}
            type="text"
            autoComplete="off"
            autoFocus
            maxLength={CLIENT_FIELDS.name.maxLength}
            value={draft}
            placeholder={t('untitled')}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="plans-row-actions">
            <button type="submit" className="tool-button primary">
              {t('saved.saveName')}
            </button>
            <button type="button" className="tool-button" onClick={() => leave(renameButton)}>
              {t('saved.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="plans-row-text">
            <strong>{title}</strong>
            <span className="plans-row-meta">
              <span>{client.date ? f.date(dayOf(client.date), DAY_STYLE) : t('saved.noDate')}</span>
              <span>{t('saved.changed', { time: f.date(new Date(record.updatedAt), TIME_STYLE) })}</span>
              {record.head && <span data-testid="plan-head-scan">{t('saved.headScan', { name: record.head.name })}</span>}
            </span>
          </div>
          {mode === 'delete' ? (
            <div className="plans-confirm" role="group" aria-labelledby={`${id}-question`} onKeyDown={(e) => escapeLeaves(e, deleteButton)}>
              <p id={`${id}-question`}>{t('saved.deleteQuestion', { title })}</p>
              <div className="plans-row-actions">
                <button type="button" className="tool-button danger" onClick={() => void onDelete()}>
                  {t('saved.delete')}
                </button>
                <button type="button" className="tool-button" autoFocus onClick={() => leave(deleteButton)}>
                  {t('saved.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="plans-row-actions">
              {isOpen ? (
                <span className="plans-badge">{t('saved.onScreen')}</span>
              ) : (
                <button type="button" className="tool-button" aria-label={t('saved.openLabel', { title })} onClick={onOpen}>
                  {t('saved.open')}
                </button>
              )}
              <button type="button" className="tool-button" aria-label={t('saved.duplicateLabel', { title })} onClick={() => void onDuplicate()}>
                {t('saved.duplicate')}
              </button>
              <button
                ref={renameButton}
                type="button"
                className="tool-button"
                aria-label={t('saved.renameButtonLabel', { title })}
                onClick={() => {
                  setDraft(client.name);
                  setMode('rename');
                }}
              >
                {t('saved.rename')}
              </button>
              <button ref={deleteButton} type="button" className="tool-button" aria-label={t('saved.deleteLabel', { title })} onClick={() => setMode('delete')}>
                {t('saved.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

/** The clinic's profile on this device: its name, and the way to set it up (quotes and reports use it). */
function ClinicSection({ titleId }: { titleId: string }) {
  const { t } = useTranslation('plans');
  const profile = useClinicProfile();
  return (
    <section className="plans-section" aria-labelledby={`${titleId}-clinic`}>
      <h3 id={`${titleId}-clinic`}>{t('clinic.heading')}</h3>
      <p className="hint">
        {profile ? t('clinic.set', { name: profile.name }) : t('clinic.unset')}
      </p>
      <div className="plans-actions">
        <ClinicButton testId="plans-clinic">{t('clinic.button')}</ClinicButton>
      </div>
    </section>
  );
}
