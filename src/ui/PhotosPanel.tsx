import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useClientPhotos } from '../app/photos';
import { useView } from '../app/simulator';
import { HEAD_SHAPE_PARAMETERS } from '../domain/head/headShape';
import { PHOTO_VIEWS, type PhotoMeta, type PhotoView } from '../domain/photos';
import { textOf } from '../domain/textError';
import { ChoiceGroup } from './ChoiceGroup';
import { TakePhotosButton } from './PhotoCapture';
import { PhotoToolsPanel } from './PhotoTools';
import { usePhotoServices } from './usePhotoServices';

/** What the file picker offers: the photo formats the reader recognises by their bytes. */
const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.jpg,.jpeg,.png,.heic,.heif';

/** A photo's thumbnail, read from the device's storage once per photo (an object URL, freed when it goes). */
function Thumbnail({ photo, label }: { photo: PhotoMeta; label: string }) {
  const photos = useClientPhotos();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void photos.image(photo.id).then((blob) => {
      if (!blob || !live) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photos, photo.id]);
  return <span className="photo-thumb">{url && <img src={url} alt={label} />}</span>;
}

/**
 * Step 1's client photos: the plan's photos by view, adding one (file and view), removing one, showing one
 * with the plan on it (the photo screen), and the plan's head shape fitted to all of them together, with a
 * word when they are front views only. Photos belong to a saved plan: where this browser keeps no plans, the
 * panel says so instead.
 */
export function PhotosPanel() {
  const { t, viewName, sim, photos, screen, savedPlans } = usePhotoServices();
  const { available, starting, openId, revision } = useStore(savedPlans.state);
  const shownId = useView((v) => v.shownPhoto);
  const loading = useStore(screen.state, (s) => s.loading);
  const shown = useStore(screen.state, (s) => s.shown);
  const photosShape = useStore(screen.state, (s) => s.photosShape);
  const fittingShape = useStore(screen.state, (s) => s.fittingShape);
  const [list, setList] = useState<PhotoMeta[]>([]);
  const [view, setView] = useState<PhotoView>('front');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const canStore = available && openId !== null;

  // Bumped after this panel adds or removes a photo, so the list is read again.
  const [changes, setChanges] = useState(0);
  const refresh = useCallback(() => setChanges((n) => n + 1), []);
  useEffect(() => {
    if (!canStore) return;
    let current = true;
    photos.list().then(
      (next) => current && setList(next),
      () => undefined,
    );
    return () => void (current = false);
  }, [photos, canStore, openId, revision, changes]);

  // An error the app words for people is shown in the reader's language; any other (storage, decoding) in general words, its English in the console.
  const fail = (error: unknown) => {
    const text = textOf(error);
    if (!text) console.error(error);
    sim.viewStore.getState().showNotice('error', text ?? { key: 'photos:failed' });
  };

  const add = async (file: File) => {
    setBusy(true);
    try {
      const meta = await photos.importPhoto(file, { view });
      refresh();
      await screen.show(meta.id);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      if (sim.viewStore.getState().shownPhoto === id) await screen.show(null);
      await photos.remove(id);
      refresh();
    } catch (error) {
      fail(error);
    }
  };
  const toggle = (id: string) => void screen.show(shownId === id ? null : id).catch(fail);
  const fit = shown && shown.meta.id === shownId ? shown.fit : null;
  // Another plan's list is never shown while this plan's is read.
  const shownList = canStore ? list.filter((photo) => photo.planId === openId) : [];
  const planShape = useStore(sim.planStore, (s) => s.plan.headShape);
  // What the last fit to the photos found is told while the plan has that shape (not after an undo or a slider).
  const fromPhotos = photosShape && HEAD_SHAPE_PARAMETERS.every((name) => Math.abs(photosShape.shape[name] - planShape[name]) < 1e-9) ? photosShape : null;

  return (
    <section className="panel-section" aria-labelledby="photos-heading" data-testid="photos-panel">
      <h2 id="photos-heading">{t('heading')}</h2>
      {!canStore ? (
        <p className="hint" data-testid="photos-unsaved">
          {starting ? t('starting') : t('unsaved')}
        </p>
      ) : (
        <>
          <p className="hint">{t('intro')}</p>
          <ChoiceGroup label={t('viewLabel')} compact choices={PHOTO_VIEWS.map((v) => ({ value: v, label: viewName(v) }))} value={view} onChange={setView} dataKey="photo-view" />
          <button type="button" className="tool-button" disabled={busy} onClick={() => input.current?.click()} data-testid="photo-add">
            {busy ? t('adding') : t('add')}
          </button>
          <TakePhotosButton onStored={(meta) => (refresh(), void screen.show(meta.id).catch(fail))} />
          <input
            ref={input}
            type="file"
            accept={PHOTO_ACCEPT}
            hidden
            data-testid="photo-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void add(file);
            }}
          />
          {shownList.length === 0 ? (
            <p className="hint">{t('none')}</p>
          ) : (
            <ul className="photo-list" aria-label={t('listLabel')} data-testid="photo-list">
              {shownList.map((photo) => (
                <li key={photo.id} className={photo.id === shownId ? 'shown' : ''} data-photo-id={photo.id}>
                  <Thumbnail photo={photo} label={t('thumbnail', { view: viewName(photo.view) })} />
                  <span className="photo-view">{viewName(photo.view)}</span>
                  <button type="button" className="tool-button" aria-pressed={photo.id === shownId} disabled={loading === photo.id} onClick={() => toggle(photo.id)} data-testid="photo-show">
                    {loading === photo.id ? t('loading') : photo.id === shownId ? t('hide') : t('show')}
                  </button>
                  <button type="button" className="tool-button" aria-label={t('removeLabel', { view: viewName(photo.view) })} onClick={() => void remove(photo.id)} data-testid="photo-remove">
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {shown && shown.meta.id === shownId && <PhotoToolsPanel />}
          {fit && (
            <p className="hint" data-testid="photo-fit">
              {t('screen.fitted', { yaw: Math.round(fit.yawDeg), points: fit.pointCount, residual: Math.round(fit.residualPx * 10) / 10 })}
            </p>
          )}
          {shownList.length > 0 && (
            <button type="button" className="tool-button" title={t('useShapeHint')} disabled={fittingShape} aria-busy={fittingShape} onClick={() => void screen.fitShapeToPhotos().catch(fail)} data-testid="photo-use-shape">
              {fittingShape ? t('shape.fitting') : t('useShape')}
            </button>
          )}
          {fromPhotos && (
            <p className="hint" data-testid="photo-shape-from" data-photo-count={fromPhotos.photoIds.length}>
              {t('shape.from', { count: fromPhotos.photoIds.length })}
            </p>
          )}
          {fromPhotos?.frontOnly && (
            <p className="hint" role="note" data-testid="photo-front-only">
              {t('shape.frontOnly')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
