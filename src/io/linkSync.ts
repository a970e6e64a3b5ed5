/**
 * Keeps the address bar's `#plan=…&view=…` in step with the plan (debounced, without adding browser
 * history entries, and at once when the page is hidden or closed), and loads a plan when the user pastes a
 * new link into the same tab. The link carries the design only (see planLink.ts).
 */
import { runCommand } from '../app/commands';
import type { Simulator } from '../app/simulator';
import type { SavedPlans } from '../app/savedPlans';
import type { LinkedPlan } from '../domain/savedPlan';
import { readLinkHash, writeLinkHash } from './planLink';

const DEBOUNCE_MS = 400;

export interface LinkSync {
  /** From now on the link also names the saved plan on screen and its revision. */
  follow(savedPlans: SavedPlans): void;
  stop(): void;
}

/**
 * `openLinkedPlan` opens the plan of a link pasted into the open tab; by default it replaces the plan on
 * screen as an undoable edit.
 */
export function startLinkSync(sim: Simulator, openLinkedPlan: (link: LinkedPlan) => void = (link) => void runCommand(sim, 'plan.replace', { plan: link.plan, label: 'Open link' })): LinkSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = window.location.hash;
  let savedPlans: SavedPlans | null = null;
  let offSaved = () => {};

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const hash = writeLinkHash(sim.planStore.getState().plan, sim.viewStore.getState().viewRequest.name, savedPlans?.linkRef() ?? undefined);
    if (hash === window.location.hash) return;
    lastWritten = hash;
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, DEBOUNCE_MS);
  };

  const offPlan = sim.planStore.subscribe((s, prev) => s.plan !== prev.plan && schedule());
  const offView = sim.viewStore.subscribe((s, prev) => s.viewRequest.name !== prev.viewRequest.name && schedule());

  const onHashChange = () => {
    if (window.location.hash === lastWritten) return;
    const link = readLinkHash(window.location.hash);
    if (link.planError) sim.viewStore.getState().showNotice('error', { key: 'app:notices.linkRefused.kept', params: { reason: link.planErrorText ?? link.planError } });
    else if (link.plan) openLinkedPlan({ plan: link.plan, ...(link.saved && { saved: link.saved }) });
    if (link.view) sim.viewStore.getState().requestView(link.view);
  };
  // Closing, reloading or leaving the tab: the link holds the plan as it is now, not as it was 400 ms ago.
  const onHide = () => timer !== undefined && write();
  const onVisibility = () => document.visibilityState === 'hidden' && onHide();
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onVisibility);

  return {
    follow(plans) {
      offSaved();
      savedPlans = plans;
      offSaved = plans.state.subscribe((s, prev) => s.openId !== prev.openId && schedule());
      // At once: an older link that came with client details does not stay in the address bar.
      write();
    },
    stop() {
      clearTimeout(timer);
      offPlan();
      offView();
      offSaved();
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
