/** The report's and the shared pictures' size (px): about 380 dpi at the 6 cm they are printed at. */
export const PICTURE_PX = 900;

/**
 * The size they are drawn at: PICTURE_PX, unless the page sets a smaller one on its root element
 * (`data-smp-picture-px`), as the browser tests do where they need the pictures drawn but not their detail.
 */
export function picturePx(): number {
  const asked = Number(document.documentElement.dataset.smpPicturePx);
  return Number.isInteger(asked) && asked > 0 && asked < PICTURE_PX ? asked : PICTURE_PX;
}
