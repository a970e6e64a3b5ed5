/** The head shape: the default head reshaped to the client's (src/ui/HeadShapePanel.tsx). */
export const head = {
  heading: 'Head shape',
  intro: 'Shape the default head like the client’s. The hairline, scars and painting follow the skin, and the figures are measured on the shaped head.',
  onScan: 'The head is the client’s scan, their own head: the head shape applies to the default head only.',
  fields: {
    size: 'Head size',
    length: 'Head length',
    breadth: 'Head breadth',
    foreheadSlopeDeg: 'Forehead slope',
    crownHeightMm: 'Crown height',
  },
  hints: {
    size: 'Every dimension, against the default head.',
    foreheadSlopeDeg: 'How much further back the forehead leans (negative: more upright).',
    crownHeightMm: 'How much higher the crown stands above the ears (negative: lower).',
  },
  /** A proportion with the head dimension it gives: "105 % · 156 mm". */
  withLength: '{{percent}} · {{length}}',
  reset: 'Reset head shape',
  history: {
    setShape: 'Head shape',
    setShapeFromPhotos_one: 'Head shape from {{count}} photo',
    setShapeFromPhotos_other: 'Head shape from {{count}} photos',
    resetShape: 'Reset head shape',
  },
};
