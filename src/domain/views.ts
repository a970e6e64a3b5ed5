/**
 * Named camera views of the head, in the head frame (mm; +X the subject's left, +Y up, +Z forward).
 * `direction` points from the head towards the camera.
 */
export const VIEW_NAMES = ['front', 'back', 'left', 'right', 'top', 'three-quarter', 'mirror', 'conversation', 'across-room', 'hairline'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** The views that show the head as someone sees it from a real distance, and the framed hairline. */
export const SEEN_FROM_VIEW_NAMES = ['mirror', 'conversation', 'across-room', 'hairline'] as const satisfies readonly ViewName[];

/** A named view; its name on the buttons and its description are in the interface's catalogue (app `views.<name>`). */
export interface ViewPreset {
  name: ViewName;
  direction: readonly [number, number, number];
  /**
   * The camera's distance (mm) from the skin where its line of sight meets the head; absent: the whole head framed.
   * The camera keeps the app's lens (32° vertical): how large a dot or the head looks (its angle at the eye)
   * depends only on the distance, so at the real distance the picture shows them at the size a person at that
   * distance sees them; the lens only decides how much around them is in the picture.
   */
  distanceMm?: number;
  /** What the camera looks at: the middle of the frontal hairline (framed temple to temple), or the head's surface along `direction`. */
  aim?: 'hairline';
}

const normalize = (x: number, y: number, z: number): [number, number, number] => {
  const l = Math.hypot(x, y, z);
  return [x / l, y / l, z / l];
};

export const VIEW_PRESETS: Record<ViewName, ViewPreset> = {
  front: { name: 'front', direction: normalize(0, 0.12, 1) },
  back: { name: 'back', direction: normalize(0, 0.12, -1) },
  left: { name: 'left', direction: normalize(1, 0.08, 0) },
  right: { name: 'right', direction: normalize(-1, 0.08, 0) },
  // Slightly in front of straight down so the face stays oriented at the bottom of the screen.
  top: { name: 'top', direction: normalize(0, 1, 0.04) },
  'three-quarter': { name: 'three-quarter', direction: normalize(-0.72, 0.38, 0.72) },
  // Seen from real distances. In a mirror a client looks at the front hairline from eye level, a little below it.
  mirror: { name: 'mirror', direction: normalize(0, -0.15, 1), distanceMm: 300, aim: 'hairline' },
  // Talking face to face with someone a little taller (about 10° above eye level).
  conversation: { name: 'conversation', direction: normalize(0, 0.18, 1), distanceMm: 1000 },
  // Across a room: a three-quarter view from standing eye height.
  'across-room': { name: 'across-room', direction: normalize(-0.72, 0.2, 0.72), distanceMm: 3000 },
  // The hairline framed from the front, a little above eye level (about 11°).
  hairline: { name: 'hairline', direction: normalize(0, 0.2, 1), aim: 'hairline' },
};

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEW_NAMES as readonly string[]).includes(value);
}
