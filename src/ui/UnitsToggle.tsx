import { useSimulator, useView } from '../app/simulator';

const UNIT_BUTTONS = [
  { units: 'metric', label: 'mm', hint: 'Show lengths in millimetres and areas in cm²' },
  { units: 'imperial', label: 'in', hint: 'Show lengths in inches and areas in square inches (the plan stays in millimetres)' },
] as const;

/** Metric or imperial display; the plan itself always stays in millimetres. */
export function UnitsToggle() {
  const { viewStore } = useSimulator();
  const units = useView((v) => v.units);
  return (
    <div className="segmented" role="group" aria-label="Units">
      {UNIT_BUTTONS.map(({ units: value, label, hint }) => (
        <button key={value} type="button" className={units === value ? 'active' : ''} aria-pressed={units === value} title={hint} data-units={value} onClick={() => viewStore.getState().setUnits(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
