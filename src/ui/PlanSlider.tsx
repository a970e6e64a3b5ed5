import { useId } from 'react';
import { runCommand } from '../app/commands';
import { useSimulator } from '../app/simulator';
import { clampToField, type NumberField } from '../domain/schema';
import type { PlanPath } from '../domain/planPaths';
import { useFieldLabel } from './i18n/fieldLabel';
import { useFormat } from './i18n/useFormat';
import { RangeField } from './RangeField';

interface Props {
  field: NumberField;
  value: number;
  /** Where the value is in the plan (`plan.set` writes it there); its label is found by it too. */
  path: PlanPath;
  /** How to show the value; defaults to the step's precision and the field's unit, metric or imperial. */
  format?: (value: number) => string;
  hint?: string;
  testId?: string;
}

const decimals = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/**
 * A plan number as a slider with its value and unit. The range comes from the plan schema, so the UI can
 * only produce values `setPlan` accepts; a whole drag is one undo step.
 */
export function PlanSlider({ field, path, value, format, hint, testId }: Props) {
  const sim = useSimulator();
  const f = useFormat();
  const label = useFieldLabel();
  const id = useId();
  const gesture = `slider:${id}`;
  const shown = format ? format(value) : f.quantity(value, field.unit, decimals(field.step));
  const set = (raw: number) => void runCommand(sim, 'plan.set', { path, value: clampToField(field, raw) }, { gesture });
  return (
    <RangeField
      label={label(path, field.label)}
      value={value}
      min={field.min}
      max={field.max}
      step={field.step}
      shown={shown}
      onChange={set}
      onSettle={() => sim.planStore.getState().endGesture()}
      {...(hint !== undefined && { hint })}
      {...(testId !== undefined && { testId })}
    />
  );
}
