import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator, useView } from '../app/simulator';
import { photoRect, type Rect } from '../domain/photo/composite';
import { messageText } from './i18n/messageText';
import { PhotoToolsOverlay } from './PhotoTools';
import { SplitDivider } from './SplitDivider';
import './photos.css';

/**
 * What the photo screen needs over the view: the before/after divider on the photo (dragged, or moved with
 * the arrow keys; left of it the photo as taken, right of it the simulation), the two sides' labels, the way
 * back to the 3D view, and why nothing is drawn when the head could not be fitted.
 */
export function PhotoOverlay() {
  const { t } = useTranslation('photos');
  const { t: tAny } = useTranslation();
  const { viewStore } = useSimulator();
  const screen = usePhotoScreen();
  const shownId = useView((v) => v.shownPhoto);
  const position = useView((v) => v.photoSplit);
  const shown = useStore(screen.state, (s) => s.shown);
  const overlay = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = overlay.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [shownId]);

  if (!shownId || !shown || shown.meta.id !== shownId) return null;
  const rect: Rect | null = size && photoRect(size.width, size.height, shown.meta.width, shown.meta.height);

  const percent = Math.round(position * 100);

  return (
    <div className="photo-overlay" ref={overlay} role="group" aria-label={t('screen.label')} data-testid="photo-overlay">
      <PhotoToolsOverlay />
      {rect && (
        <div className="photo-frame" style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height, '--frame-top': `${rect.y}px` } as CSSProperties}>
          {shown.fit && (
            <>
              {position > 0.08 && <span className="compare-label before">{t('screen.before')}</span>}
              {position < 0.92 && <span className="compare-label after photo-simulation-label">{t('screen.simulation')}</span>}
              <SplitDivider
                position={position}
                onMove={(next) => viewStore.getState().setPhotoSplit(next)}
                label={t('screen.divider')}
                valueText={t('screen.dividerValue', { percent })}
                testId="photo-divider"
              />
            </>
          )}
        </div>
      )}
      {shown.fitProblem && (
        <p className="photo-problem" role="status" data-testid="photo-problem">
          {messageText(tAny, shown.fitProblem)}
        </p>
      )}
      <button type="button" className="tool-button photo-back" onClick={() => void screen.show(null)} data-testid="photo-back">
        {t('hide')}
      </button>
    </div>
  );
}
