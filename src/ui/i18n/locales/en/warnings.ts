/**
 * English: the catalogue every other language translates, key for key (its type is theirs). The plan's
 * warnings by id (`scar-coverage:<id>` → `scar-coverage`), then by `params.variant` where an id has several
 * wordings; written by src/ui/i18n/warningText.ts. The same wording as the domain's English `message`.
 */
export const warnings = {
  'large-dots': 'Dots over {{max}} read as large blurred dots: the flat "helmet" look. Healed follicle impressions are usually {{usual}}.',
  'heavy-spread': 'Heavy ink spread is what dots placed too deep look like after healing.',
  'dense-dots': 'Above about {{density}} dots start to merge into a solid tone.',
  'blue-cast': 'Undiluted black on fair skin risks a blue cast as it heals: a diluted grey usually matches better.',
  'no-area':
    'The hairline encloses no scalp: its points lie on top of each other or on one line, so no dots are placed and the figures mean nothing. Pick a preset, or drag the points apart.',
  'low-hairline':
    'The mid-frontal point is {{height}} above the glabella, lower than clinics advise: {{limit}} is the aggressive limit ({{typical}} is typical, {{conservative}} conservative). A low line can look unnatural as the face ages.',
  asymmetric: {
    mean: 'The left and right sides of the front hairline differ by {{mean}} on average (up to {{max}}). Natural hairlines are close to symmetric; turn symmetry on or even out the sides unless this is intended.',
    stretch:
      'One stretch of the hairline is {{max}} away from the mirror image of the other side. Natural hairlines are close to symmetric; turn symmetry on or even out the sides unless this is intended.',
  },
  'off-skin': {
    'too-few': 'The hairline needs at least three points.',
    points_one: 'One point of the hairline is off the scalp (up to {{distance}} from the skin). Drag it back onto the head.',
    points_other: '{{count}} points of the hairline are off the scalp (up to {{distance}} from the skin). Drag them back onto the head.',
  },
  'on-face': {
    'below-brows': 'The hairline leaves the scalp: it runs {{distance}} below the brow line, onto the face. Move it back up above the brows.',
    landmarks: 'The hairline leaves the scalp: the treated area takes in the {{landmarks}}. Move it back up above the brows.',
  },
  'on-ear': {
    line: 'The hairline runs onto the ear. Keep it {{clearance}} clear above and behind the ear.',
    landmarks: 'The hairline runs onto the ear (the treated area takes in the {{landmarks}}). Keep it {{clearance}} clear above and behind the ear.',
  },
  'few-sessions_one': '{{count}} session planned; an area this size at this density usually takes {{suggested}}, so expect a patchier result or longer sessions.',
  'few-sessions_other': '{{count}} sessions planned; an area this size at this density usually takes {{suggested}}, so expect a patchier result or longer sessions.',
  'scar-coverage': {
    outside:
      'Only {{coverage}} of the {{kind}} "{{scar}}" would blend in with SMP: {{outside}} of it lies outside the hairline, where no SMP is planned: extend the treatment area over it. Scars usually need an extra session.',
    uptake:
      'Only {{coverage}} of the {{kind}} "{{scar}}" would blend in with SMP: scar tissue holds only {{uptake}} of the ink healthy scalp does (low uptake); more density over it helps. Scars usually need an extra session.',
    paler:
      'Only {{coverage}} of the {{kind}} "{{scar}}" would blend in with SMP: it stays paler than the treated scalp around it (the pigment darkens scar and skin alike, by a share of their own light); paint more density over it than around it. Scars usually need an extra session.',
  },
  /** What a warning's `kind` names, as a sentence says it. */
  scarKinds: { fut: 'FUT strip scar', fue: 'FUE extraction scars', freeform: 'painted scar' },
  /** Facial landmarks a warning names, as a sentence says them, and the word between two of them. */
  landmarks: {
    glabella: 'glabella',
    nasion: 'nasion',
    leftLateralCanthus: 'left lateral canthus',
    rightLateralCanthus: 'right lateral canthus',
    leftTragus: 'left tragus',
    rightTragus: 'right tragus',
    and: 'and',
  },
};
