/**
 * The consultation, step by step: the order a practitioner talks a client through, each step showing only
 * the controls it needs. The 3D view stays on screen throughout.
 */
export const STEPS = [
  { id: 'head', title: 'Head & skin', summary: 'The head and the client’s skin tone.' },
  { id: 'hair', title: 'Hair today', summary: 'The client’s hair loss and hair colour, as they are now.' },
  { id: 'hairline', title: 'Hairline', summary: 'Draw and measure the new hairline.' },
  { id: 'dots', title: 'Dots & density', summary: 'Dot size, shade and density, region by region.' },
  { id: 'scars', title: 'Scars', summary: 'Scars to camouflage, and how well SMP covers them.' },
  { id: 'sessions', title: 'Sessions & ageing', summary: 'How the treatment builds up, and how it ages.' },
  { id: 'compare', title: 'Compare & report', summary: 'Before and after, pictures and the printable report.' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];
