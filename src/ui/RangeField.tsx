import { useId } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** The value as shown beside the label (with its unit). */
  shown: string;
  onChange: (value: number) => void;
  /** The end of a drag or key press (for one-step-per-gesture undo). */
  onSettle?: () => void;
  hint?: string;
  testId?: string;
}

/** A labelled slider with its value and unit: the one look every range control in the panel shares. */
export function RangeField({ label, value, min, max, step, shown, onChange, onSettle, hint, testId }: Props) {
  const id = useId();
  return (
    <div className="slider-field">
      <label htmlFor={id}>
        <span>{label}</span>
        <output htmlFor={id}>{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        aria-valuetext={shown}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        onPointerUp={onSettle}
        onKeyUp={onSettle}
        onBlur={onSettle}
      />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
