import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { usePhotoEdits } from '../app/photoEdits';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator, useView } from '../app/simulator';
import type { PhotoMask } from '../domain/photo/mask';
import { MASK_BRUSH_RADIUS } from '../domain/photo/maskPaint';
import { type PhotoLandmarkName } from '../domain/photo/photoLandmarks';
import { nextLandmarkToPlace, VIEW_LANDMARKS } from '../domain/photo/photoPins';
import { photoPinKeys } from '../scene/tools/photoPinKeys';
import { ChoiceGroup } from './ChoiceGroup';
import { RangeField } from './RangeField';
import { useFormat } from './i18n/useFormat';
import './photoTools.css';

/** Marks a placed point in the list: a drawing beside the words. */
const PLACED_MARK = '✓ ';

/**
 * The photo tools' controls, under the shown photo's entry in the Head step: the landmark pins (which point
 * a tap or the keyboard places, removing one) and the mask brush (paint or erase, its size). Choosing a tool
 * again puts it down.
 */
export function PhotoToolsPanel() {
  const { t } = useTranslation('photoTools');
  const f = useFormat();
  const sim = useSimulator();
  const screen = usePhotoScreen();
  const edits = usePhotoEdits();
  const id = useId();
  const shown = useStore(screen.state, (s) => s.shown);
  const tool = useView((v) => v.activeTool);
  if (!shown) return null;
  const { view, landmarks } = shown.meta;
  const names = VIEW_LANDMARKS[view];
  const setTool = sim.viewStore.getState().setTool;
  const lastMask = tool.name === 'photoMask' ? tool : { erase: false, radius: MASK_BRUSH_RADIUS.default };

  const choosePins = () => setTool(tool.name === 'photoPins' ? { name: 'orbit' } : { name: 'photoPins', landmark: nextLandmarkToPlace(view, landmarks, null) });
  const chooseMask = () => setTool(tool.name === 'photoMask' ? { name: 'orbit' } : { name: 'photoMask', erase: false, radius: MASK_BRUSH_RADIUS.default });
  const remove = (name: PhotoLandmarkName) => {
    const before = edits.pinsNow(landmarks);
    const after = { ...before };
    delete after[name];
    edits.setLandmarks(shown.meta.id, before, after, 'Remove landmark', { key: 'photoTools:history.removeLandmark' });
  };

  return (
    <div className="photo-tools" data-testid="photo-tools">
      <div className="button-row">
        <button type="button" className={`tool-button${tool.name === 'photoPins' ? ' active' : ''}`} aria-pressed={tool.name === 'photoPins'} data-testid="photo-pins-tool" onClick={choosePins}>
          {t('pins.tool')}
        </button>
        <button type="button" className={`tool-button${tool.name === 'photoMask' ? ' active' : ''}`} aria-pressed={tool.name === 'photoMask'} data-testid="photo-mask-tool" onClick={chooseMask}>
          {t('mask.tool')}
        </button>
      </div>
      {tool.name === 'photoPins' && (
        <>
          <p className="hint">{view === 'top' || view === 'back' ? t('pins.topHint') : t('pins.hint')}</p>
          <label className="field" htmlFor={`${id}-landmark`}>
            <span>{t('pins.landmark')}</span>
            <select
              id={`${id}-landmark`}
              value={tool.landmark ?? ''}
              data-testid="photo-pin-choice"
              onChange={(e) => setTool({ name: 'photoPins', landmark: (e.currentTarget.value || null) as PhotoLandmarkName | null })}
            >
              <option value="">{t('pins.none')}</option>
              {names.map((name) => (
                <option key={name} value={name}>
                  {landmarks[name] ? PLACED_MARK : ''}
                  {t(`pins.names.${name}`)}
                </option>
              ))}
            </select>
          </label>
          <PinKeys />
          <p className="hint" data-testid="photo-pins-placed">
            {t('pins.placed', { count: names.filter((name) => landmarks[name]).length, total: names.length })}
          </p>
          {tool.landmark && landmarks[tool.landmark] && (
            <button type="button" className="tool-button" data-testid="photo-pin-remove" onClick={() => remove(tool.landmark!)}>
              {t('pins.remove')}
            </button>
          )}
        </>
      )}
      {tool.name === 'photoMask' && (
        <>
          <p className="hint">{t('mask.hint')}</p>
          <ChoiceGroup
            label={t('mask.mode')}
            choices={[
              { value: 'paint', label: t('mask.paint') },
              { value: 'erase', label: t('mask.erase') },
            ]}
            value={lastMask.erase ? 'erase' : 'paint'}
            onChange={(mode) => setTool({ name: 'photoMask', erase: mode === 'erase', radius: lastMask.radius })}
            dataKey="photo-mask-mode"
          />
          <RangeField
            label={t('mask.size')}
            value={lastMask.radius}
            min={MASK_BRUSH_RADIUS.min}
            max={MASK_BRUSH_RADIUS.max}
            step={0.005}
            shown={f.number(lastMask.radius, { style: 'percent', maximumFractionDigits: 1 })}
            onChange={(radius) => setTool({ name: 'photoMask', erase: lastMask.erase, radius })}
            testId="photo-mask-size"
          />
        </>
      )}
    </div>
  );
}

/**
 * The pins from the keyboard (src/scene/tools/photoPinKeys.ts): a button that, focused, takes Enter, the arrow
 * keys and Escape, kept in the app's keys' way; a click (or Space) picks up or puts down as Enter does.
 */
function PinKeys() {
  const { t } = useTranslation('photoTools');
  const sim = useSimulator();
  const screen = usePhotoScreen();
  const edits = usePhotoEdits();
  const hint = useId();
  const [keys] = useState(() =>
    photoPinKeys({
      host: sim,
      edits,
      photo() {
        const shown = screen.state.getState().shown;
        return shown && { id: shown.meta.id, view: shown.meta.view, width: shown.meta.width, height: shown.meta.height, landmarks: shown.meta.landmarks };
      },
    }),
  );
  const [moving, setMoving] = useState(false);
  // Gone (the tool put down, the photo hidden) with a pin picked up: it goes back.
  useEffect(() => () => keys.leave(), [keys]);
  const press = (key: string, shift: boolean) => {
    const used = keys.key(key, shift);
    setMoving(keys.moving);
    return used;
  };
  return (
    <>
      <button
        type="button"
        className="tool-button"
        aria-describedby={hint}
        data-testid="photo-pin-keys"
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey || !press(e.key, e.shiftKey)) return;
          e.preventDefault();
          e.stopPropagation();
        }}
        onClick={() => press('Enter', false)}
        onBlur={() => {
          keys.leave();
          setMoving(false);
        }}
      >
        {moving ? t('pins.keys.putDown') : t('pins.keys.pickUp')}
      </button>
      <p className="hint" id={hint}>
        {t('pins.keys.hint')}
      </p>
    </>
  );
}

/**
 * The shown photo's landmark pins and the mask brush's outline, over the view. The pins are drawn in the
 * photo's own pixels, fitted to the view as the photo is (contain, centred), so they sit on the photo at any
 * size; they take no pointer events: the view's input router hands presses to the pins tool.
 */
export function PhotoToolsOverlay() {
  const { t } = useTranslation('photoTools');
  const screen = usePhotoScreen();
  const edits = usePhotoEdits();
  const shown = useStore(screen.state, (s) => s.shown);
  const preview = useStore(edits.state, (s) => s.pinPreview);
  const ring = useStore(edits.state, (s) => s.brushRing);
  const tool = useView((v) => v.activeTool);
  const photoShown = useView((v) => v.shownPhoto);
  if (!shown || photoShown !== shown.meta.id || (tool.name !== 'photoPins' && tool.name !== 'photoMask')) return null;
  const { width, height } = shown.meta;
  const landmarks = preview ?? shown.meta.landmarks;
  const r = Math.max(width, height) * 0.008;
  return (
    <>
      {tool.name === 'photoMask' && <MaskTint mask={shown.mask} />}
      <svg className="photo-tools-overlay" aria-hidden="true" data-testid="photo-tools-overlay">
        {tool.name === 'photoPins' && (
          <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" width="100%" height="100%">
            {(Object.entries(landmarks) as [PhotoLandmarkName, [number, number]][]).map(([name, [x, y]]) => (
              <g key={name} className={`photo-pin${tool.landmark === name ? ' chosen' : ''}`} data-landmark={name} data-x={x} data-y={y}>
                <title>{t(`pins.names.${name}`)}</title>
                <circle cx={x} cy={y} r={r * 1.6} className="photo-pin-halo" />
                <circle cx={x} cy={y} r={r * 0.45} />
                {tool.landmark === name && (
                  <text x={x + r * 2} y={y - r * 2} fontSize={r * 2.6} className="photo-pin-label">
                    {t(`pins.names.${name}`)}
                  </text>
                )}
              </g>
            ))}
          </svg>
        )}
        {tool.name === 'photoMask' && ring && <circle className="photo-brush-ring" cx={ring.x} cy={ring.y} r={ring.radius} data-testid="photo-brush-ring" />}
      </svg>
    </>
  );
}

/** The tint the mask is shown with while it is painted (sRGB), and its opacity where the mask is full. */
const TINT = [63, 208, 255] as const;
const TINT_OPACITY = 0.4;

/**
 * The mask itself, tinted over the photo while the brush is in use: where the simulation may go, even where
 * no head is fitted yet to draw it. Drawn at the mask's own size and scaled as the photo is (contain, centred),
 * once a frame at most.
 */
function MaskTint({ mask }: { mask: PhotoMask }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const context = canvas.current?.getContext('2d');
      if (!context) return;
      const pixels = context.createImageData(mask.width, mask.height);
      for (let i = 0; i < mask.data.length; i++) {
        pixels.data[4 * i] = TINT[0];
        pixels.data[4 * i + 1] = TINT[1];
        pixels.data[4 * i + 2] = TINT[2];
        pixels.data[4 * i + 3] = mask.data[i]! * TINT_OPACITY;
      }
      context.putImageData(pixels, 0, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [mask]);
  return <canvas ref={canvas} className="photo-mask-tint" width={mask.width} height={mask.height} data-testid="photo-mask-tint" />;
}
