import { useId } from 'react';
import { useSimulator, useView } from '../app/simulator';
import { clampToField, type NumberField } from '../domain/schema';
import type { Plan } from '../domain/plan';
import { formatQuantity } from '../domain/units';
import { RangeField } from './RangeField';

interface Props {
  field: NumberField;
  value: number;
  /** Writes a value into a draft plan. */
  write: (plan: Plan, value: number) => void;
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
export function PlanSlider({ field, value, write, format, hint, testId }: Props) {
  const { planStore } = useSimulator();
  const units = useView((v) => v.units);
  const id = useId();
  const gesture = `slider:${id}`;
  const shown = format ? format(value) : formatQuantity(value, field.unit, units, decimals(field.step));
  const set = (raw: number) => {
    const next = clampToField(field, raw);
    planStore.getState().edit(field.label, (plan) => write(plan, next), { gesture });
  };
  return (
    <RangeField
      label={field.label}
      value={value}
      min={field.min}
      max={field.max}
      step={field.step}
      shown={shown}
      onChange={set}
      onSettle={() => planStore.getState().endGesture()}
      {...(hint !== undefined && { hint })}
      {...(testId !== undefined && { testId })}
    />
  );
}
