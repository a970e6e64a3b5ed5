/**
 * The user's display preferences on this device (not part of any plan): metric or imperial units, and the
 * language. Kept in localStorage; a browser that refuses storage starts metric, in the browser's language.
 */
import type { Simulator } from '../app/simulator';
import { UNIT_SYSTEMS, type UnitSystem } from '../domain/units';
import { isLanguage, matchLanguage, type Language } from '../domain/languages';

const UNITS_KEY = 'smp-simulator.units';
const LANGUAGE_KEY = 'smp-simulator.language';

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

/** The language chosen on this device before, else the first of the browser's languages we speak. */
export function loadLanguage(preferred: readonly string[]): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage refused: follow the browser.
  }
  return matchLanguage(preferred);
}

/** Remembers a language the user picks (a language that only followed the browser is not pinned). */
export function keepLanguage(sim: Simulator): () => void {
  return sim.viewStore.subscribe((s, prev) => {
    if (s.language === prev.language) return;
    try {
      localStorage.setItem(LANGUAGE_KEY, s.language);
    } catch {
      // Storage refused: the choice lasts for this visit only.
    }
  });
}
