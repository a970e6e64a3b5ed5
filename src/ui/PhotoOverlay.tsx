import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator, useView } from '../app/simulator';
import { photoRect, type Rect } from '../domain/photo/composite';
import { messageText } from './i18n/messageText';
import { PhotoToolsOverlay } from './PhotoTools';
import './photos.css';

/** Arrow keys move the divider by this share of the photo's width (Shift: ten times as far). */
const KEY_STEP = 0.02;

/** The divider's knob: a drawing, hidden from screen readers (the slider says what it is). */
const KNOB = '‹ ›';

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

  const moveTo = (clientX: number) => {
    const box = overlay.current?.getBoundingClientRect();
    if (box && rect && rect.width > 0) viewStore.getState().setPhotoSplit((clientX - box.left - rect.x) / rect.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    moveTo(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 10 : KEY_STEP;
    const next = { ArrowLeft: position - step, ArrowRight: position + step, Home: 0, End: 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    viewStore.getState().setPhotoSplit(next);
  };
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
              <div
                className="compare-divider"
                style={{ left: `${position * 100}%` }}
                role="slider"
                tabIndex={0}
                aria-label={t('screen.divider')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={t('screen.dividerValue', { percent })}
                data-testid="photo-divider"
                onPointerDown={onPointerDown}
                onPointerMove={onPointerMove}
                onKeyDown={onKeyDown}
              >
                <span className="compare-knob" aria-hidden="true">
                  {KNOB}
                </span>
              </div>
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
