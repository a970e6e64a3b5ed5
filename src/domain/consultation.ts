/**
 * The consultation, step by step: the order a practitioner talks a client through, each step showing only
 * the controls it needs. The 3D view stays on screen throughout. Each step's name and summary are in the
 * interface's catalogue (app `steps.<id>`).
 */
export const STEPS = [{ id: 'head' }, { id: 'hair' }, { id: 'hairline' }, { id: 'dots' }, { id: 'scars' }, { id: 'sessions' }, { id: 'compare' }] as const;

export type StepId = (typeof STEPS)[number]['id'];
