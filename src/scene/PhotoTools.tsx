import { useThree } from '@react-three/fiber';
import { useState } from 'react';
import { usePhotoEdits } from '../app/photoEdits';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator } from '../app/simulator';
import { photoRect } from '../domain/photo/composite';
import type { ImagePoint } from '../domain/photo/photoLandmarks';
import { useTool } from './InputRouter';
import { maskBrushTool } from './tools/maskBrush';
import { photoPinsTool } from './tools/photoPins';

/**
 * The photo tools' machines (src/scene/tools/photoPins.ts, maskBrush.ts), handed to the input router: they
 * work on the shown photo, drawn contain-fit in the view (photoRect), in the view's CSS pixels.
 */
export function PhotoTools() {
  const sim = useSimulator();
  const screen = usePhotoScreen();
  const edits = usePhotoEdits();
  const get = useThree((s) => s.get);
  const [tools] = useState(() => {
    /** The shown photo and the mapping between the view's CSS px and its pixels, as the view is now. */
    const shownNow = () => {
      const shown = screen.state.getState().shown;
      if (!shown) return null;
      const { width, height } = shown.meta;
      const { size } = get();
      const rect = photoRect(size.width, size.height, width, height);
      const toPhoto = (x: number, y: number): ImagePoint => [((x - rect.x) * width) / rect.width, ((y - rect.y) * height) / rect.height];
      const toScreen = ([x, y]: ImagePoint) => ({ x: rect.x + (x * rect.width) / width, y: rect.y + (y * rect.height) / height });
      return { shown, width, height, toPhoto, toScreen };
    };
    return {
      pins: photoPinsTool({
        host: sim,
        edits,
        photo() {
          const now = shownNow();
          return now && { id: now.shown.meta.id, view: now.shown.meta.view, width: now.width, height: now.height, landmarks: now.shown.meta.landmarks, toPhoto: now.toPhoto, toScreen: now.toScreen };
        },
      }),
      mask: maskBrushTool({
        host: sim,
        edits,
        photo() {
          const now = shownNow();
          return now && { id: now.shown.meta.id, width: now.width, height: now.height, mask: now.shown.mask, toPhoto: now.toPhoto };
        },
        showRing: (ring) => edits.showBrushRing(ring),
      }),
    };
  });
  useTool('photoPins', tools.pins);
  useTool('photoMask', tools.mask);
  return null;
}
