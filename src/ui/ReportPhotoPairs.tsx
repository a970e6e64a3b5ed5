import { useEffect, useState } from 'react';
import type { PhotoView } from '../domain/photos';
import { photoPair } from './photoPictures';
import { picturePx } from './pictureSize';
import { usePhotoServices } from './usePhotoServices';

interface Pair {
  id: string;
  view: PhotoView;
  width: number;
  height: number;
  before: string;
  after: string;
}

/**
 * The report's pairs on the client's own photos: each photo with a fitted head as taken and, beside it, the
 * simulation drawn on it (labelled "Simulation" on the picture too). `onDone` is called once every pair is
 * drawn (or there are none), with the error if one could not be drawn (a photo that cannot be read is left out).
 */
export function ReportPhotoPairs({ onDone }: { onDone: (error?: Error) => void }) {
  const { t, viewName, sim, photos, screen, savedPlans } = usePhotoServices();
  const [pairs, setPairs] = useState<Pair[]>([]);
  const simulationLabel = t('screen.simulation');

  useEffect(() => {
    let cancelled = false;
    const draw = async () => {
      const { available, openId } = savedPlans.state.getState();
      if (!available || !openId) return;
      // The report is never held back by the photos: one that cannot be read is left out (and said in the console).
      const metas = await photos.list().catch((error: unknown) => (console.warn('The photos could not be listed for the report:', error), []));
      for (const meta of metas) {
        // One pair per task, so the page shows each as it comes.
        await new Promise((resolve) => setTimeout(resolve));
        if (cancelled) return;
        const prepared = await screen.prepare(meta).catch((error: unknown) => console.warn(`The photo ${meta.id} could not be drawn for the report:`, error));
        if (!prepared) continue;
        try {
          if (!prepared.fit) continue;
          const renderer = await screen.whenRenderer();
          const { before, after } = await sim.signals.drawWhenRestored(() => photoPair(renderer, prepared, picturePx(), simulationLabel));
          const pair = { id: meta.id, view: meta.view, width: before.width, height: before.height, before: before.toDataURL('image/png'), after: after.toDataURL('image/png') };
          if (!cancelled) setPairs((list) => [...list, pair]);
        } finally {
          prepared.image.close();
        }
      }
    };
    draw().then(
      () => !cancelled && onDone(),
      (error: unknown) => !cancelled && onDone(error instanceof Error ? error : new Error(String(error))),
    );
    return () => void (cancelled = true);
    // Drawn once per opening of the report, as its other pictures are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="report-photos-heading" data-testid="report-photos">
      <h2 id="report-photos-heading">{t('report.heading')}</h2>
      <p className="report-disclaimer" role="note">
        {t('report.note')}
      </p>
      {pairs.map((pair) => {
        const view = viewName(pair.view);
        return (
          <div key={pair.id} className="report-pair" data-testid="report-photo-pair">
            <figure className="report-figure">
              <img src={pair.before} width={pair.width} height={pair.height} alt={t('report.before', { view })} data-picture={`photo-${pair.id}-before`} />
              <figcaption>{t('report.before', { view })}</figcaption>
            </figure>
            <figure className="report-figure">
              <img src={pair.after} width={pair.width} height={pair.height} alt={t('report.after', { view })} data-picture={`photo-${pair.id}-simulation`} />
              <figcaption>{t('report.after', { view })}</figcaption>
            </figure>
          </div>
        );
      })}
    </section>
  );
}
