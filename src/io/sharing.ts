/**
 * The browser's side of sharing with the client (src/app/sharing.ts): the design-only link, the clipboard
 * and the Web Share API.
 */
import type { Sharing } from '../app/sharing';
import type { Simulator } from '../app/simulator';
import type { Plan } from '../domain/plan';
import type { ViewName } from '../domain/views';
import { writeLinkHash } from './planLink';

/**
 * The app's address at `location` with the plan's design and the view: what a client's phone opens. The
 * saved plan's id and revision are left out: they name a plan on this device only.
 */
export function designLink(plan: Plan, view: ViewName | undefined, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${writeLinkHash(plan, view)}`;
}

export function createSharing(sim: Simulator): Sharing {
  return {
    link: () => designLink(sim.planStore.getState().plan, sim.viewStore.getState().viewRequest.name, window.location),
    async copyText(text) {
      if (!navigator.clipboard) throw new Error('this browser gives the page no clipboard');
      await navigator.clipboard.writeText(text);
    },
    canShareFiles: (files) => typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare({ files }),
    async shareFiles(files, data) {
      try {
        await navigator.share({ ...data, files });
        return true;
      } catch (error) {
        // Closing the share sheet is the user's choice, not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return false;
        throw error;
      }
    },
  };
}
