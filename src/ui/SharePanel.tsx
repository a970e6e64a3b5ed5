import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create as createQr, type QRCode } from 'qrcode';
import { useStore } from 'zustand';
import { useDeviceFiles } from '../app/deviceFiles';
import { useSharing } from '../app/sharing';
import { useSimulator, useView, type Simulator } from '../app/simulator';
import { REPORT_BEFORE_AFTER, REPORT_VIEWS, type ReportPicture } from '../domain/report';
import { picturePx } from './pictureSize';

/**
 * The lowest error correction: the most a QR code can hold, so that designs with painted strokes still fit.
 * A code shown on a screen is never smudged or torn, which is what the higher levels guard against.
 */
const QR_CORRECTION = 'L';
/** What a QR code holds at most, in bytes (version 40 at level L): a link is ASCII, so characters. */
const QR_MAX_BYTES = 2953;
/** Blank modules around the code: the quiet zone scanners need to find it. */
const QR_QUIET_ZONE = 4;
/** The code is drawn at least this many pixels wide, in whole pixels per module, so that it stays sharp. */
const QR_MIN_PX = 400;

/** The report's before/after pair and its front view, drawn as the report draws them (finished, healed). */
const SHARED_PICTURES: readonly ReportPicture[] = [...REPORT_BEFORE_AFTER, ...REPORT_VIEWS.slice(0, 1)];
/** Pictures are drawn once edits pause for this long, not on every step of a drag. */
const PREPARE_DELAY_MS = 600;

/**
 * A QR version that widely used web readers (jsQR, jsqrcode) misplace an alignment pattern of, so they never
 * read it (github.com/cozmo/jsQR/issues/251); the next version up is used instead.
 */
const MISREAD_QR_VERSION = 23;

/** The QR symbol of `text`, or null when `text` is more than a QR code holds (the only reason it fails). */
function qrSymbol(text: string): QRCode | null {
  try {
    const symbol = createQr(text, { errorCorrectionLevel: QR_CORRECTION });
    return symbol.version === MISREAD_QR_VERSION ? createQr(text, { errorCorrectionLevel: QR_CORRECTION, version: MISREAD_QR_VERSION + 1 }) : symbol;
  } catch {
    return null;
  }
}

function drawQr(canvas: HTMLCanvasElement, symbol: QRCode): void {
  const { size } = symbol.modules;
  const modules = size + 2 * QR_QUIET_ZONE;
  const scale = Math.ceil(QR_MIN_PX / modules);
  canvas.width = canvas.height = modules * scale;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (symbol.modules.get(row, col)) context.fillRect((col + QR_QUIET_ZONE) * scale, (row + QR_QUIET_ZONE) * scale, scale, scale);
    }
  }
}

const pictureName = (p: ReportPicture) => `smp-${p.showSmp ? 'after' : 'before'}-${p.view}.png`;

/** The pictures to share as PNG files; null when `cancelled` turned true on the way. */
async function renderPictures(sim: Simulator, cancelled: () => boolean): Promise<File[] | null> {
  const files: File[] = [];
  for (const picture of SHARED_PICTURES) {
    // One picture per task, so the view and the panel stay responsive while they are drawn.
    await new Promise((resolve) => setTimeout(resolve));
    if (cancelled()) return null;
    await sim.signals.whenDrawable();
    const { renderImage } = await sim.scene.whenAttached();
    // While the WebGL context is lost this waits for the restore (bounded), never draws with a dead context.
    const canvas = await sim.signals.drawWhenRestored(() =>
      renderImage({ view: picture.view, showSmp: picture.showSmp, width: picturePx(), height: picturePx(), finished: true }),
    );
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('the browser could not encode a picture as PNG');
    files.push(new File([png], pictureName(picture), { type: 'image/png' }));
  }
  return files;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

/** The last step's "Share with client": the design's QR code and link, and the pictures to send. */
export function SharePanel() {
  const { t } = useTranslation('share');
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="panel-section" aria-labelledby="share-heading" data-testid="share">
      <h2 id="share-heading">{t('heading')}</h2>
      <p className="hint">{t('intro')}</p>
      <button type="button" className="tool-button" aria-expanded={open} aria-controls={bodyId} data-testid="share-open" onClick={() => setOpen((o) => !o)}>
        {t('open')}
      </button>
      {open && <ShareBody id={bodyId} />}
    </section>
  );
}

function ShareBody({ id }: { id: string }) {
  const { t } = useTranslation('share');
  const sim = useSimulator();
  const sharing = useSharing();
  const deviceFiles = useDeviceFiles();
  const linkId = useId();
  const plan = useStore(sim.planStore, (s) => s.plan);
  const head = useStore(sim.headStore, (s) => s.head);
  // Read on every render: a new plan or view re-renders this, and the link follows.
  useView((v) => v.viewRequest.name);
  const link = sharing.link();
  const symbol = useMemo(() => qrSymbol(link), [link]);
  const canShare = useMemo(() => sharing.canShareFiles([new File([], 'probe.png', { type: 'image/png' })]), [sharing]);
  const [attempt, setAttempt] = useState(0);
  /** The pictures last drawn, and what they were drawn from: pictures of an older plan are never shared. */
  const [prepared, setPrepared] = useState<{ plan: typeof plan; head: typeof head; attempt: number; result: File[] | Error } | null>(null);
  const pictures = prepared && prepared.plan === plan && prepared.head === head && prepared.attempt === attempt ? prepared.result : null;
  const [linkStatus, setLinkStatus] = useState('');
  const [pictureStatus, setPictureStatus] = useState('');

  // The pictures are drawn ahead of the press: a share menu opens only straight after a press, not seconds later.
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      renderPictures(sim, () => cancelled).then(
        (files) => !cancelled && files && setPrepared({ plan, head, attempt, result: files }),
        (error: unknown) => !cancelled && setPrepared({ plan, head, attempt, result: error instanceof Error ? error : new Error(String(error)) }),
      );
    }, PREPARE_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sim, plan, head, attempt]);

  const copyLink = () =>
    sharing.copyText(link).then(
      () => setLinkStatus(t('link.copied')),
      (error: unknown) => setLinkStatus(t('link.copyFailed', { reason: reasonOf(error) })),
    );

  const sharePictures = async () => {
    if (pictures instanceof Error) {
      setPictureStatus('');
      setAttempt((a) => a + 1);
      return;
    }
    if (!pictures) return;
    const count = pictures.length;
    try {
      if (canShare && sharing.canShareFiles(pictures)) {
        if (await sharing.shareFiles(pictures, { title: t('pictures.title'), text: t('pictures.text', { url: link }) })) setPictureStatus(t('pictures.shared', { count }));
      } else {
        for (const file of pictures) deviceFiles.download(file, file.name);
        setPictureStatus(t('pictures.downloaded', { count, names: pictures.map((f) => f.name).join(', ') }));
      }
    } catch (error) {
      setPictureStatus(t('pictures.failed', { reason: reasonOf(error) }));
    }
  };

  const failed = pictures instanceof Error ? t('pictures.failed', { reason: reasonOf(pictures) }) : '';
  return (
    <div id={id} className="share-body">
      {symbol ? (
        <figure className="share-qr">
          <QrCanvas symbol={symbol} label={t('qr.label')} />
          <figcaption className="hint">{t('qr.scan')}</figcaption>
        </figure>
      ) : (
        <p className="hint share-too-long" role="note" data-testid="share-too-long">
          {t('qr.tooLong', { length: link.length, max: QR_MAX_BYTES })}
        </p>
      )}
      <label className="share-link" htmlFor={linkId}>
        {t('link.label')}
      </label>
      <input id={linkId} className="share-link-text" type="text" readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
      <div className="share-actions">
        <button type="button" className="tool-button" data-testid="share-copy" onClick={() => void copyLink()}>
          {t('link.copy')}
        </button>
        <button type="button" className="tool-button primary" disabled={pictures === null} data-testid="share-pictures" onClick={() => void sharePictures()}>
          {pictures === null ? t('pictures.preparing') : canShare ? t('pictures.share') : t('pictures.download')}
        </button>
      </div>
      <p className="hint">{canShare ? t('pictures.shareHint') : t('pictures.downloadHint')}</p>
      <p className="hint" role="status" data-testid="share-status">
        {[linkStatus, pictureStatus || failed].filter(Boolean).join(' ')}
      </p>
    </div>
  );
}

function QrCanvas({ symbol, label }: { symbol: QRCode; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawQr(canvas.current, symbol);
  }, [symbol]);
  return <canvas ref={canvas} role="img" aria-label={label} data-testid="share-qr" />;
}
