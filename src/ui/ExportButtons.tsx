import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useDeviceFiles } from '../app/deviceFiles';
import { usePhotoScreen } from '../app/photoScreen';
import { useSimulator } from '../app/simulator';
import { scaledImageSize } from '../scene/snapshots';
import type { ViewState } from '../state/viewStore';
import { renderComparison } from './compareImage';
import { useFormat } from './i18n/useFormat';
import { photoPair, sideBySide } from './photoPictures';

/** Exported image sizes, as multiples of the canvas's pixels (capped at 4096 px a side). */
const SCALES = [2, 4] as const;

/**
 * What the exported picture shows besides the finished, freshly healed result, for its file name: an
 * image passed on without the app around it must still say it is a "before" or a preview. A photo pair is
 * a before and after whatever the view's Before switch (which does nothing to a photo).
 */
export function previewSuffix(view: Pick<ViewState, 'showSmp' | 'compare' | 'sessionPreview' | 'ageYears' | 'healingDay'>, sessionCount: number, photoPair = false): string {
  const parts: string[] = [];
  if (!photoPair && !view.showSmp && view.compare === 'off') parts.push('before');
  if (view.sessionPreview !== null && view.sessionPreview < sessionCount) parts.push(`after-session-${view.sessionPreview}-of-${sessionCount}`);
  if (view.healingDay !== null) parts.push(`healing-day-${view.healingDay}`);
  if (view.ageYears > 0) parts.push(`${view.ageYears}-years-on`);
  return parts.map((p) => `-${p}`).join('');
}

/** The topbar's exports: the current view as a PNG image, and the printable consultation report. */
export function ExportButtons() {
  const { t } = useTranslation('plans');
  const f = useFormat();
  const sim = useSimulator();
  const files = useDeviceFiles();
  const reportOpen = useStore(sim.reportStore, (s) => s.open);
  const [scale, setScale] = useState<number>(SCALES[0]);
  const [exporting, setExporting] = useState(false);
  const photoScreen = usePhotoScreen();
  const { t: tPhotos } = useTranslation('photos');

  /**
   * A shown photo exports as its pair: as taken and with the simulation (labelled) as the screen previews it,
   * side by side, each at most 2040 px wide. The drawing (null: no photo shown), once the photo's renderer is
   * there: synchronous, for drawWhenRestored.
   */
  const photoDrawing = async () => {
    const photo = photoScreen.state.getState().shown;
    if (!photo || sim.viewStore.getState().shownPhoto !== photo.meta.id) return null;
    const renderer = await photoScreen.whenRenderer();
    const { width, height } = photo.meta;
    const maxSide = Math.floor(Math.min(Math.max(width, height), (2040 * Math.max(width, height)) / width, 4096));
    const label = tPhotos('screen.simulation');
    return () => {
      const { before, after } = photoPair(renderer, photo, maxSide, label, true);
      const picture = sideBySide(before, after, 16);
      return { picture, size: { width: picture.width, height: picture.height }, name: `photo-${photo.meta.view}-before-simulation` };
    };
  };

  const exportImage = async () => {
    const { viewStore } = sim;
    setExporting(true);
    try {
      await sim.signals.whenDrawable();
      const { canvas, renderImage } = await sim.scene.whenAttached();
      const view = viewStore.getState();
      const onPhoto = await photoDrawing();
      // While the WebGL context is lost this waits for the restore (bounded), never draws with a dead context.
      const { picture, size, name } = await sim.signals.drawWhenRestored(() => {
        if (onPhoto) return onPhoto();
        const size = scaledImageSize(canvas.width, canvas.height, scale);
        // A comparison on screen is exported as the comparison, labelled as on screen.
        const picture = renderComparison(renderImage, view, size.width, size.height, size.width / canvas.clientWidth) ?? renderImage(size);
        const name = view.compare === 'grid' ? 'before-after-front-top-back' : view.compare === 'split' ? `${view.viewRequest.name}-before-after` : view.viewRequest.name;
        return { picture, size, name };
      });
      const png = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, 'image/png'));
      if (!png) throw new Error(t('export.notEncoded'));
      const suffix = previewSuffix(view, sim.planStore.getState().plan.sessions.length, onPhoto !== null);
      const fileName = `smp-${name}${suffix}-${size.width}x${size.height}.png`;
      files.download(png, fileName);
      viewStore.getState().showNotice('info', { key: 'plans:export.exported', params: { fileName } });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Some reasons are whole sentences already (a lost graphics context): one full stop, not two.
      viewStore.getState().showNotice('error', { key: 'plans:export.failed', params: { reason: reason.replace(/\.$/, '') } });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="segmented export-group" role="group" aria-label={t('export.group')}>
      <select aria-label={t('export.scaleLabel')} title={t('export.scaleTitle')} value={scale} onChange={(e) => setScale(Number(e.currentTarget.value))} data-testid="export-scale">
        {SCALES.map((s) => (
          <option key={s} value={s}>
            {f.number(s)}×
          </option>
        ))}
      </select>
      <button type="button" disabled={exporting} title={t('export.imageTitle')} data-testid="export-image" onClick={() => void exportImage()}>
        {exporting ? t('export.exporting') : t('export.image')}
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={reportOpen}
        title={t('export.reportTitle')}
        data-testid="report-button"
        onClick={() => sim.reportStore.getState().setOpen(true)}
      >
        {t('export.report')}
      </button>
    </div>
  );
}
