import { useEffect, useState } from 'react';
import { useSimulator } from '../app/simulator';
import type { HairlineMeasurements } from '../domain/hairline/measurements';

/** Re-measuring takes tens of ms: during a drag the panel catches up this long after the last change. */
const SETTLE_MS = 120;

/** The current plan's measurements on the current head, kept up to date without slowing down drags. */
export function useMeasurements(): HairlineMeasurements | null {
  const sim = useSimulator();
  const [measurements, setMeasurements] = useState<HairlineMeasurements | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      const head = sim.headStore.getState().head;
      setMeasurements(head ? head.treatment.measure(sim.planStore.getState().plan) : null);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(measure, SETTLE_MS);
    };
    measure();
    const offPlan = sim.planStore.subscribe((s, prev) => s.plan !== prev.plan && schedule());
    const offHead = sim.headStore.subscribe(measure);
    return () => {
      clearTimeout(timer);
      offPlan();
      offHead();
    };
  }, [sim]);
  return measurements;
}
