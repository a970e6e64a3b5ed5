/**
 * The user's display preferences on this device (not part of any plan): metric or imperial units. Kept in
 * localStorage; a browser that refuses storage simply starts metric each time.
 */
import type { Simulator } from '../app/simulator';
import { UNIT_SYSTEMS, type UnitSystem } from '../domain/units';

const UNITS_KEY = 'smp-simulator.units';

export function loadUnits(): UnitSystem {
  try {
    const saved = localStorage.getItem(UNITS_KEY);
    return (UNIT_SYSTEMS as readonly (string | null)[]).includes(saved) ? (saved as UnitSystem) : 'metric';
  } catch {
    return 'metric';
  }
}

/** Remembers the units whenever they change. */
export function keepUnits(sim: Simulator): () => void {
  return sim.viewStore.subscribe((s, prev) => {
    if (s.units === prev.units) return;
    try {
      localStorage.setItem(UNITS_KEY, s.units);
    } catch {
      // Storage refused: the choice lasts for this visit only.
    }
  });
}
