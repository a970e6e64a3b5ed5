import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulator, useView } from '../app/simulator';
import { STEPS } from '../domain/consultation';

/**
 * The consultation's steps as tabs: numbered, in order, one shown at a time. Arrow keys move between them
 * (the tab pattern), and on narrow screens the row scrolls sideways, keeping the current step in sight.
 */
export function StepNav() {
  const { t } = useTranslation('app');
  const { viewStore } = useSimulator();
  const current = useView((v) => v.step);
  const list = useRef<HTMLDivElement>(null);
  const index = STEPS.findIndex((s) => s.id === current);

  // Next, Back and the keyboard change the step from elsewhere: bring its tab to the middle of the row, so
  // that it and its neighbours show. Only the row scrolls (scrollIntoView would also move the page).
  useEffect(() => {
    const row = list.current;
    const tab = row?.querySelector<HTMLElement>(`[data-step="${current}"]`);
    if (!row || !tab) return;
    const rowBox = row.getBoundingClientRect();
    const tabBox = tab.getBoundingClientRect();
    row.scrollLeft += tabBox.left - rowBox.left - (rowBox.width - tabBox.width) / 2;
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: STEPS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const step = STEPS[(next + STEPS.length) % STEPS.length]!;
    viewStore.getState().setStep(step.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-step="${step.id}"]`)?.focus();
  };

  return (
    <div className="step-nav" role="tablist" aria-label={t('steps.label')} ref={list} onKeyDown={onKeyDown}>
      {STEPS.map((step, i) => (
        <button
          key={step.id}
          type="button"
          role="tab"
          id={`step-tab-${step.id}`}
          aria-selected={step.id === current}
          aria-controls="step-panel"
          tabIndex={step.id === current ? 0 : -1}
          className={step.id === current ? 'active' : ''}
          data-step={step.id}
          title={t(`steps.${step.id}.summary`)}
          onClick={() => viewStore.getState().setStep(step.id)}
        >
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          {t(`steps.${step.id}.title`)}
        </button>
      ))}
    </div>
  );
}
