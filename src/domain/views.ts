/**
 * Named camera views of the head, in the head frame (mm; +X the subject's left, +Y up, +Z forward).
 * `direction` points from the head towards the camera.
 */
export const VIEW_NAMES = ['front', 'back', 'left', 'right', 'top', 'three-quarter'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ViewPreset {
  name: ViewName;
  label: string;
  direction: readonly [number, number, number];
}

const normalize = (x: number, y: number, z: number): [number, number, number] => {
  const l = Math.hypot(x, y, z);
  return [x / l, y / l, z / l];
};

export const VIEW_PRESETS: Record<ViewName, ViewPreset> = {
  front: { name: 'front', label: 'Front', direction: normalize(0, 0.12, 1) },
  back: { name: 'back', label: 'Back', direction: normalize(0, 0.12, -1) },
  left: { name: 'left', label: 'Left', direction: normalize(1, 0.08, 0) },
  right: { name: 'right', label: 'Right', direction: normalize(-1, 0.08, 0) },
  // Slightly in front of straight down so the face stays oriented at the bottom of the screen.
  top: { name: 'top', label: 'Top', direction: normalize(0, 1, 0.04) },
  'three-quarter': { name: 'three-quarter', label: '¾', direction: normalize(-0.72, 0.38, 0.72) },
};

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEW_NAMES as readonly string[]).includes(value);
}
