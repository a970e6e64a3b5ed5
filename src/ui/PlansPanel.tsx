import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanFileDrop } from './PlanFileDrop';

// Read from its own chunk when first opened (the service worker keeps it for offline use).
const PlansDialog = lazy(() => import('./PlansDialog').then((m) => ({ default: m.PlansDialog })));

/** The topbar's Plans button, the Plans dialog it opens, and opening plan files dropped on the window. */
export function PlansPanel() {
  const { t } = useTranslation('plans');
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
        <button ref={button} type="button" aria-haspopup="dialog" aria-expanded={open} aria-label={t('button.label')} title={t('button.title')} data-testid="plans-button" onClick={() => setOpen(true)}>
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          <span className="button-text">{t('button.label')}</span>
        </button>
      </div>
      {open && (
        <Suspense>
          <PlansDialog onClose={close} />
        </Suspense>
      )}
      <PlanFileDrop onOpened={close} />
    </>
  );
}

