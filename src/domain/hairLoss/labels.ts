/**
 * Hair-loss patterns in the user's words: grouped as clinics chart them (Norwood–Hamilton for men, Ludwig
 * for women, other kinds of loss), each with a short name and a plain-language description.
 */
import type { HairLossPattern } from './patterns';

export interface HairLossGroup {
  /** Stable name of the group, for the interface's own words for it. */
  id: 'norwood' | 'ludwig' | 'other';
  label: string;
  patterns: readonly HairLossPattern[];
}

export const HAIR_LOSS_GROUPS: readonly HairLossGroup[] = [
  {
    id: 'norwood',
    label: 'Norwood (men)',
    patterns: ['norwood-1', 'norwood-2', 'norwood-3', 'norwood-3a', 'norwood-3v', 'norwood-4', 'norwood-4a', 'norwood-5', 'norwood-5a', 'norwood-6', 'norwood-7'],
  },
  { id: 'ludwig', label: 'Ludwig (women)', patterns: ['ludwig-1', 'ludwig-2', 'ludwig-3'] },
  { id: 'other', label: 'Other', patterns: ['none', 'diffuse', 'areata'] },
];

export const HAIR_LOSS_LABELS: Record<HairLossPattern, { name: string; description: string }> = {
  none: { name: 'No hair', description: 'No hair drawn: the scalp as if shaved clean. Pick a pattern, or paint the client’s hair in by hand.' },
  'norwood-1': { name: '1', description: 'Norwood 1: a full head of hair with a young hairline, no recession.' },
  'norwood-2': { name: '2', description: 'Norwood 2: the temples have receded a little: a mature hairline.' },
  'norwood-3': { name: '3', description: 'Norwood 3: deep recession at both temples, bare or nearly so.' },
  'norwood-3a': { name: '3A', description: 'Norwood 3A: the whole front hairline has moved back; the crown is full.' },
  'norwood-3v': { name: '3V', description: 'Norwood 3 vertex: temples receded and a thinning crown.' },
  'norwood-4': { name: '4', description: 'Norwood 4: a receded front and a bald crown, with a band of hair still between them.' },
  'norwood-4a': { name: '4A', description: 'Norwood 4A: the front has receded past the middle of the top, with no separate bald crown.' },
  'norwood-5': { name: '5', description: 'Norwood 5: a larger bald front and crown, joined only by a narrow, sparse band of hair.' },
  'norwood-5a': { name: '5A', description: 'Norwood 5A: the front has receded all the way back to the crown.' },
  'norwood-6': { name: '6', description: 'Norwood 6: the band between front and crown is gone; the whole top is bald.' },
  'norwood-7': { name: '7', description: 'Norwood 7: only a narrow horseshoe of hair is left around the sides and back.' },
  'ludwig-1': { name: '1', description: 'Ludwig 1: thinning over the top, starting a little behind a front hairline that stays.' },
  'ludwig-2': { name: '2', description: 'Ludwig 2: clearly thinner hair over a wider area of the top; the front hairline stays.' },
  'ludwig-3': { name: '3', description: 'Ludwig 3: very sparse hair over most of the top; only the front hairline keeps its density.' },
  diffuse: { name: 'Diffuse', description: 'Diffuse thinning: thinner hair all over the scalp, most on the top.' },
  areata: { name: 'Alopecia areata', description: 'Alopecia areata: a few round, smooth bald patches, each about the size of a coin.' },
};
