import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from 'zustand';
import { runCommand } from '../app/commands';
import { useDeviceFiles } from '../app/deviceFiles';
import { usePlan, useSimulator } from '../app/simulator';
import { ImportFileButton } from './ImportFileButton';
import { CLIENT_FIELDS } from '../domain/plan';
import { planTitle, UNTITLED_PLAN, type PlanRecord } from '../domain/savedPlan';
import { NoticeBanner } from './NoticeBanner';
import { PlanFileDrop, useOpenPlanFile } from './PlanFileDrop';
import { AUTOSAVE_OFF_MESSAGE, useSavedPlans } from '../app/savedPlans';
import { useClinicProfile } from '../app/clinic';
import { ClinicButton } from './ClinicDialog';

/** The topbar's Plans button, the Plans dialog it opens, and opening plan files dropped on the window. */
export function PlansPanel() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus goes back to the Plans button once the dialog is gone (the page behind it is inert until then).
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <div className="segmented">
        <button ref={button} type="button" aria-haspopup="dialog" aria-expanded={open} aria-label="Plans" title="Client details, saved plans and plan files" data-testid="plans-button" onClick={() => setOpen(true)}>
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          <span className="button-text">Plans</span>
        </button>
      </div>
      {open && <PlansDialog onClose={close} />}
      <PlanFileDrop onOpened={close} />
    </>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** A consultation date (`YYYY-MM-DD`, a calendar day with no time zone) as the user's locale writes it. */
const formatDay = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));

type RowMode = { id: string; action: 'rename' | 'delete' } | null;

function PlansDialog({ onClose }: { onClose: () => void }) {
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
      viewStore.getState().showNotice('error', error instanceof Error ? error.message : String(error));
      return false;
    }
  };

  const newPlan = async () => {
    if (await run(() => savedPlans.newPlan())) {
      setStatus(available ? 'Started a new plan. The previous one is in the list below.' : 'Started a new plan.');
      nameField.current?.focus();
    }
  };
  const openSaved = async (record: PlanRecord) => {
    if (await run(() => savedPlans.open(record.id))) {
      viewStore.getState().showNotice('info', `Opened “${planTitle(record.plan)}”`);
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
        <h2 id={titleId}>Plans</h2>
        <button type="button" className="plans-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <NoticeBanner />

      <section className="plans-section" aria-labelledby={`${titleId}-this`}>
        <h3 id={`${titleId}-this`}>This plan</h3>
        <ClientFields nameField={nameField} />
        <p className="hint">
          {available ? 'Every change is saved on this device as you go.' : starting ? 'Opening the plans saved on this device… Your changes will be saved as soon as it answers.' : AUTOSAVE_OFF_MESSAGE}
        </p>
        <div className="plans-actions">
          <button type="button" className="tool-button" onClick={() => void newPlan()}>
            New plan
          </button>
          <button type="button" className="tool-button" onClick={() => setStatus(`Exported ${files.downloadPlan(planStore.getState().plan)}.`)}>
            Export file
          </button>
          <ImportFileButton testId="plan-file-input" onFile={(file) => void openPlanFile(file).then((opened) => opened && onClose())} />
        </div>
        <p className="hint">Drop a plan file (.smp.json) anywhere on the window to open it too.</p>
      </section>

      <ClinicSection titleId={titleId} />

      {available && (
        <section className="plans-section" aria-labelledby={`${titleId}-saved`}>
          <h3 id={`${titleId}-saved`} ref={listHeading} tabIndex={-1}>
            Saved plans{records && ` (${records.length})`}
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
                  if (await run(() => savedPlans.duplicate(record.id))) setStatus(`Saved a copy of “${planTitle(record.plan)}”.`);
                }}
                onRename={async (name) => {
                  const renamed = await run(() => savedPlans.rename(record.id, name));
                  if (renamed) setStatus(`Renamed to “${name || UNTITLED_PLAN}”.`);
                  return renamed;
                }}
                onDelete={async () => {
                  const wasOnScreen = record.id === openId;
                  if (await run(() => savedPlans.remove(record.id))) {
                    setMode(null);
                    // Deleting the plan on screen opens another one: say which.
                    const next = wasOnScreen ? ` Now on screen: “${planTitle(planStore.getState().plan)}”.` : '';
                    setStatus(`Deleted “${planTitle(record.plan)}”.${next}`);
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
  const sim = useSimulator();
  const client = usePlan((p) => p.client);
  const id = useId();
  // Typing in one field is one step: the field's own gesture, ended when it loses focus.
  const edit = (key: keyof typeof CLIENT_FIELDS, value: string) => runCommand(sim, 'plan.set', { path: ['client', key], value }, { gesture: `client-${key}` });
  const endGesture = () => sim.planStore.getState().endGesture();
  return (
    <div className="plans-fields">
      <div className="field">
        <label htmlFor={`${id}-name`}>{CLIENT_FIELDS.name.label}</label>
        <input
          id={`${id}-name`}
          ref={nameField}
          type="text"
          autoComplete="off"
          maxLength={CLIENT_FIELDS.name.maxLength}
          value={client.name}
          placeholder={UNTITLED_PLAN}
          data-testid="client-name"
          onChange={(e) => edit('name', e.currentTarget.value)}
          onBlur={endGesture}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{CLIENT_FIELDS.date.label}</label>
        <input id={`${id}-date`} type="date" value={client.date} data-testid="client-date" onChange={(e) => edit('date', e.currentTarget.value)} onBlur={endGesture} />
      </div>
      <div className="field notes">
        <label htmlFor={`${id}-notes`}>{CLIENT_FIELDS.notes.label}</label>
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
  // The plan on screen is shown as it is now, not as last written (that is up to a moment older).
  const live = usePlan((p) => p.client);
  const client = isOpen ? live : record.plan.client;
  const title = client.name.trim() || UNTITLED_PLAN;
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
          <label htmlFor={`${id}-rename`}>New name for “{title}”</label>
          <input
            id={`${id}-rename`}
            type="text"
            autoComplete="off"
            autoFocus
            maxLength={CLIENT_FIELDS.name.maxLength}
            value={draft}
            placeholder={UNTITLED_PLAN}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="plans-row-actions">
            <button type="submit" className="tool-button primary">
              Save name
            </button>
            <button type="button" className="tool-button" onClick={() => leave(renameButton)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="plans-row-text">
            <strong>{title}</strong>
            <span className="plans-row-meta">
              <span>{client.date ? formatDay(client.date) : 'No consultation date'}</span>
              <span>Changed {timeFormat.format(new Date(record.updatedAt))}</span>
              {record.head && <span data-testid="plan-head-scan">Head scan: {record.head.name}</span>}
            </span>
          </div>
          {mode === 'delete' ? (
            <div className="plans-confirm" role="group" aria-labelledby={`${id}-question`} onKeyDown={(e) => escapeLeaves(e, deleteButton)}>
              <p id={`${id}-question`}>Delete “{title}”? This cannot be undone.</p>
              <div className="plans-row-actions">
                <button type="button" className="tool-button danger" onClick={() => void onDelete()}>
                  Delete
                </button>
                <button type="button" className="tool-button" autoFocus onClick={() => leave(deleteButton)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="plans-row-actions">
              {isOpen ? (
                <span className="plans-badge">On screen</span>
              ) : (
                <button type="button" className="tool-button" aria-label={`Open ${title}`} onClick={onOpen}>
                  Open
                </button>
              )}
              <button type="button" className="tool-button" aria-label={`Duplicate ${title}`} onClick={() => void onDuplicate()}>
                Duplicate
              </button>
              <button
                ref={renameButton}
                type="button"
                className="tool-button"
                aria-label={`Rename ${title}`}
                onClick={() => {
                  setDraft(client.name);
                  setMode('rename');
                }}
              >
                Rename
              </button>
              <button ref={deleteButton} type="button" className="tool-button" aria-label={`Delete ${title}`} onClick={() => setMode('delete')}>
                Delete
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
  const profile = useClinicProfile();
  return (
    <section className="plans-section" aria-labelledby={`${titleId}-clinic`}>
      <h3 id={`${titleId}-clinic`}>Clinic</h3>
      <p className="hint">
        {profile ? `Quotes and reports carry the name, logo and prices of ${profile.name}.` : 'Set up the clinic’s name, logo and prices on this device to quote plans and brand the report.'}
      </p>
      <div className="plans-actions">
        <ClinicButton testId="plans-clinic">Clinic…</ClinicButton>
      </div>
    </section>
  );
}
