import { useEffect, useState } from 'react';
import { useSimulator } from '../app/simulator';
import type { PlanMeasurements } from '../domain/measurements';

/** Re-measuring takes tens of ms: during a drag the panel catches up this long after the last change. */
const SETTLE_MS = 120;

/** The current plan's measurements on the current head, kept up to date without slowing down drags. */
export function useMeasurements(): PlanMeasurements | null {
  const sim = useSimulator();
  const [measurements, setMeasurements] = useState<PlanMeasurements | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    let failed = false;
    const measure = () => {
      const head = sim.headStore.getState().head;
      if (!live) return;
      try {
        setMeasurements(head ? head.treatment.measure(sim.planStore.getState().plan) : null);
        failed = false;
      } catch (error) {
        // A plan the figures cannot be worked out for must not take the panel down: say so once, in words.
        console.error('Measuring the plan failed:', error);
        setMeasurements(null);
        if (!failed) sim.viewStore.getState().showNotice('error', { key: 'app:notices.measuringFailed' });
        failed = true;
      }
    };
    // A plan whose painting is still to be done is measured once it has been drawn: a large plan's painting
    // is spread over frames, and measuring before would paint it all in one go and freeze the page.
    const measureWhenDrawn = () => {
      const head = sim.headStore.getState().head;
      if (!head || head.treatment.isPainted(sim.planStore.getState().plan)) measure();
      else void sim.signals.whenRendered().then(measure);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(measureWhenDrawn, SETTLE_MS);
    };
    measureWhenDrawn();
    const offPlan = sim.planStore.subscribe((s, prev) => s.plan !== prev.plan && schedule());
    const offHead = sim.headStore.subscribe(measureWhenDrawn);
    return () => {
      live = false;
      clearTimeout(timer);
      offPlan();
      offHead();
    };
  }, [sim]);
  return measurements;
}
