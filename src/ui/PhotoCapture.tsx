import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientPhotos } from '../app/photos';
import { userText } from '../app/userMessage';
import { PHOTO_VIEWS, photoViewName, type PhotoMeta, type PhotoView } from '../domain/photos';
import { ChoiceGroup } from './ChoiceGroup';
import { messageText } from './i18n/messageText';
import './photoTools.css';

/** Which way the camera looks: at the client from behind the device (the usual), or at the person holding it. */
export type Facing = 'environment' | 'user';

/** Why the camera cannot be used, as the interface says it. */
export type CameraProblem = 'unsupported' | 'noCamera' | 'denied' | 'busy' | 'failed';

/** A getUserMedia failure as the user can act on it (the names are the Media Capture spec's). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  return 'failed';
}

/** JPEG quality of a captured frame: the import re-encodes it, so little is lost twice. */
const CAPTURE_QUALITY = 0.95;
/** Asked of the camera (the browser gives the nearest it has): enough for dots of a pixel or two. */
const IDEAL_SIZE = { width: { ideal: 3840 }, height: { ideal: 2160 } };

/** A button that opens the camera (beside the photo import), and takes focus back when the camera closes. */
export function TakePhotosButton({ onStored }: { onStored?: (photo: PhotoMeta) => void }) {
  const { t } = useTranslation('photoTools');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <button ref={button} type="button" className="tool-button" aria-haspopup="dialog" aria-expanded={open} data-testid="take-photos" onClick={() => setOpen(true)}>
        {t('capture.open')}
      </button>
      {open && <PhotoCaptureDialog onClose={close} {...(onStored && { onStored })} />}
    </>
  );
}

/**
 * Takes photos with the device's camera: the live picture with the outline of the chosen view over it, a
 * shutter that stores the frame with the plan on screen as a photo file would be (the same import: checked,
 * landmarks found on face views), and clear words when there is no camera or it is refused.
 */
export function PhotoCaptureDialog({ onClose, onStored }: { onClose: () => void; onStored?: (photo: PhotoMeta) => void }) {
  const { t } = useTranslation('photoTools');
  const photos = useClientPhotos();
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const id = useId();
  const [view, setView] = useState<PhotoView>('front');
  const [facing, setFacing] = useState<Facing>('environment');
  const [cameras, setCameras] = useState(0);
  // Without a secure page (or in a browser without cameras) there is no mediaDevices at all.
  const supported = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  // Which camera is live, or why the one asked for last failed: choosing a camera forgets the last failure,
  // so that each choice tries its camera again (a busy camera may be free by then) with the picture shown.
  const [liveFacing, setLiveFacing] = useState<Facing | null>(null);
  const [failed, setFailed] = useState<CameraProblem | null>(null);
  const live = liveFacing === facing;
  const problem: CameraProblem | null = !supported ? 'unsupported' : failed;
  const chooseCamera = (chosen: Facing) => {
    if (chosen === facing) return;
    setFailed(null);
    setFacing(chosen);
  };
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [storing, setStoring] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (!supported) return;
    const media = navigator.mediaDevices;
    const element = video.current;
    let stream: MediaStream | null = null;
    let stopped = false;
    media
      .getUserMedia({ video: { facingMode: { ideal: facing }, ...IDEAL_SIZE }, audio: false })
      .then(async (given) => {
        if (stopped) {
          for (const track of given.getTracks()) track.stop();
          return;
        }
        stream = given;
        if (!element) return;
        element.srcObject = given;
        await element.play();
        if (!stopped) setLiveFacing(facing);
        // Known once access is granted: a choice of camera is offered only where there is one.
        const devices = await media.enumerateDevices();
        if (!stopped) setCameras(devices.filter((d) => d.kind === 'videoinput').length);
      })
      .catch((failure: unknown) => {
        if (stopped) return;
        console.warn('The camera could not be started:', failure);
        setFailed(cameraProblem(failure));
      });
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (element) element.srcObject = null;
      setLiveFacing(null);
    };
  }, [facing, supported]);

  const capture = async () => {
    const element = video.current;
    if (!element || !live || storing) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    // The frame as the camera sees it, never mirrored: the preview of a front camera is, for the person facing it.
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    setStoring(true);
    setError('');
    setStatus(t('capture.storing'));
    try {
      const jpeg = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('capture.errors.notStored')))), 'image/jpeg', CAPTURE_QUALITY));
      const photo = await photos.importPhoto(jpeg, { view });
      setStatus(t('capture.stored', { view: messageText(t, photoViewName(view)) }));
      onStored?.(photo);
    } catch (failure) {
      setStatus('');
      setError(messageText(t, userText(failure, { key: 'photoTools:capture.errors.notStored' }, 'The captured photo could not be stored:')));
    } finally {
      setStoring(false);
    }
  };

  const viewChoices = PHOTO_VIEWS.map((value) => ({ value, label: messageText(t, photoViewName(value)) }));
  const cameraChoices = (['environment', 'user'] as const).map((value) => ({ value, label: t(`capture.cameras.${value}`) }));
  return (
    <dialog
      ref={dialog}
      className="plans-dialog capture-dialog"
      aria-labelledby={`${id}-title`}
      aria-modal="true"
      data-testid="capture-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // The app's keyboard shortcuts act on what is behind the dialog: keep them quiet while it is open.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="plans-header">
        <h2 id={`${id}-title`}>{t('capture.title')}</h2>
        <button type="button" className="plans-close" aria-label={t('capture.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <section className="plans-section">
        <ChoiceGroup label={t('capture.view')} choices={viewChoices} value={view} onChange={setView} dataKey="capture-view" compact />
        {cameras > 1 && <ChoiceGroup label={t('capture.camera')} choices={cameraChoices} value={facing} onChange={chooseCamera} dataKey="capture-camera" />}
        {problem ? (
          <p className="notice notice-error" role="alert" data-testid="capture-problem" data-problem={problem}>
            {t(`capture.errors.${problem}`)}
          </p>
        ) : (
          <>
            <div className={`capture-frame${facing === 'user' ? ' mirrored' : ''}`} role="img" aria-label={t('capture.preview')}>
              <video ref={video} muted playsInline data-testid="capture-video" />
              <GuideOutline view={view} />
            </div>
            <p className="hint capture-guide">{live ? t(`capture.guide.${view}`) : t('capture.starting')}</p>
          </>
        )}
        {error && (
          <p className="notice notice-error" role="alert" data-testid="capture-error">
            {error}
          </p>
        )}
        <p className="plans-status" role="status" data-testid="capture-status">
          {status}
        </p>
        <div className="plans-actions">
          <button type="button" className="tool-button primary" disabled={!live || storing} data-testid="capture-shutter" onClick={() => void capture()}>
            {t('capture.shutter')}
          </button>
          <button type="button" className="tool-button" onClick={onClose}>
            {t('capture.close')}
          </button>
        </div>
      </section>
    </dialog>
  );
}

/**
 * The outline the client's head is lined up with, per view, in a 100 × 100 box centred over the picture:
 * the face's oval with the eye line and the chin's mark from the front; a profile facing the way the
 * client's nose points (a left view shows the left side, the nose to the picture's left) with the ear's
 * mark; the head's outline with the crown's circle from the back and from above (the forehead at the top).
 */
function GuideOutline({ view }: { view: PhotoView }) {
  return (
    <svg className="capture-guide-outline" viewBox="0 0 100 100" preserveAspectRatio="xMidYMid meet" aria-hidden="true" data-testid="capture-guide" data-view={view}>
      {view === 'front' && (
        <>
          <ellipse cx="50" cy="48" rx="21" ry="29" />
          <line className="mark" x1="31" y1="45" x2="69" y2="45" />
          <line className="mark" x1="50" y1="20" x2="50" y2="77" strokeDasharray="2 2" />
          <line className="mark" x1="44" y1="77" x2="56" y2="77" />
        </>
      )}
      {(view === 'left' || view === 'right') && (
        <g transform={view === 'right' ? 'translate(100 0) scale(-1 1)' : undefined}>
          {/* Nose to the left: the crown's arc, the brow, nose, lips and chin, the jaw and neck. */}
          <path d="M44 84 L 43 72 C 40 72, 36 71, 34 68 L 32 64 L 31.5 62 L 30.5 59 L 32 56 L 25 50 L 30 43 L 30 38 C 29 30, 36 18, 50 17 C 64 16, 75 26, 75 42 C 75 52, 70 58, 66 62 L 64 84" />
          <ellipse className="mark" cx="57" cy="47" rx="3.5" ry="6" />
          <line className="mark" x1="30" y1="44" x2="62" y2="46" strokeDasharray="2 2" />
        </g>
      )}
      {view === 'back' && (
        <>
          <ellipse cx="50" cy="45" rx="22" ry="27" />
          <path d="M40 71 L 39 84 M 60 71 L 61 84" />
          <circle className="mark" cx="50" cy="30" r="7" />
        </>
      )}
      {view === 'top' && (
        <>
          <ellipse cx="50" cy="52" rx="24" ry="31" />
          <path className="mark" d="M44 22 L 50 16 L 56 22" />
          <circle className="mark" cx="50" cy="62" r="7" />
          <line className="mark" x1="50" y1="21" x2="50" y2="83" strokeDasharray="2 2" />
        </>
      )}
    </svg>
  );
}
