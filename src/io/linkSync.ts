/**
 * Keeps the address bar's `#plan=…&view=…` in step with the plan (debounced, without adding browser
 * history entries), and loads a plan when the user pastes a new link into the same tab.
 */
import type { Simulator } from '../app/simulator';
import type { Plan } from '../domain/plan';
import { readLinkHash, writeLinkHash } from './planLink';

const DEBOUNCE_MS = 400;

/**
 * `openLinkedPlan` opens the plan of a link pasted into the open tab; by default it replaces the plan on
 * screen as an undoable edit.
 */
export function startLinkSync(sim: Simulator, openLinkedPlan: (plan: Plan) => void = (plan) => sim.planStore.getState().replacePlan(plan, 'Open link')): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = window.location.hash;

  const write = () => {
    timer = undefined;
    const hash = writeLinkHash(sim.planStore.getState().plan, sim.viewStore.getState().viewRequest.name);
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
    if (link.planError) sim.viewStore.getState().showNotice('error', `${link.planError} The plan on screen was kept.`);
    else if (link.plan) openLinkedPlan(link.plan);
    if (link.view) sim.viewStore.getState().requestView(link.view);
  };
  window.addEventListener('hashchange', onHashChange);

  return () => {
    clearTimeout(timer);
    offPlan();
    offView();
    window.removeEventListener('hashchange', onHashChange);
  };
}
