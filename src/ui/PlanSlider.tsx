import { useId } from 'react';
import { useSimulator } from '../app/simulator';
import { clampToField, type NumberField } from '../domain/schema';
import type { Plan } from '../domain/plan';
import { RangeField } from './RangeField';

interface Props {
  field: NumberField;
  value: number;
  /** Writes a value into a draft plan. */
  write: (plan: Plan, value: number) => void;
  /** How to show the value; defaults to the step's precision plus the field's unit. */
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
  const id = useId();
  const gesture = `slider:${id}`;
  const shown = format ? format(value) : `${value.toFixed(decimals(field.step))}${field.unit ? ` ${field.unit}` : ''}`;
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
