import { createContext, useContext } from 'react';
import type { SavedPlans } from '../io/autosave';

/** The saved plans of this simulator (src/io/autosave.ts), for the Plans dialog and file drops. */
export const SavedPlansContext = createContext<SavedPlans | null>(null);

export function useSavedPlans(): SavedPlans {
  const savedPlans = useContext(SavedPlansContext);
  if (!savedPlans) throw new Error('useSavedPlans must be used inside <SavedPlansContext.Provider>');
  return savedPlans;
}
