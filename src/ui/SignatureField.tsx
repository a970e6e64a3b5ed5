import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { MAX_SIGNATURE_CHARS, MAX_SIGNER_NAME, SIGNATURE_EXPORT_PX, type Signature } from '../domain/consent';
import { useFormat } from './i18n/useFormat';

interface Props {
  /** Who signs, as the form names them ("Client"). */
  role: string;
  signature: Signature;
  testId: string;
  onName(name: string): void;
  /** A drawn signature as a PNG data URL; '' when cleared. */
  onImage(image: string): void;
  /** Typing the name has ended (its undo step closes). */
  onNameDone(): void;
}

/** Sharper lines on high-density screens, without a canvas four times the size on a 3× phone. */
const MAX_PIXEL_RATIO = 2;

/**
 * A signature drawn on screen with a finger, a pen or the mouse (signature_pad), and the signer's name. The
 * pad opens when the signer is ready to sign (the tablet is handed over), or at once when there is a signature
 * to show. What is drawn is the plan's (each stroke updates it), so undo, redo and a cleared signature show here too.
 */
export function SignatureField({ role, signature, testId, onName, onImage, onNameDone }: Props) {
  const { t } = useTranslation('consent');
  const f = useFormat();
  const id = useId();
  const [open, setOpen] = useState(signature.image !== '');
  const [tooLarge, setTooLarge] = useState(false);
  const image = signature.image;
  return (
    <div className="signature-field" data-testid={testId}>
      <label className="field" htmlFor={`${id}-name`}>
        {t('signatures.name', { role })}
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          maxLength={MAX_SIGNER_NAME}
          value={signature.name}
          onChange={(e) => onName(e.currentTarget.value)}
          onBlur={onNameDone}
          data-testid={`${testId}-name`}
        />
      </label>
      {open || image ? (
        <DrawingPad image={image} label={t('signatures.pad', { role })} testId={`${testId}-pad`} onImage={onImage} onTooLarge={setTooLarge} />
      ) : (
        <button type="button" className="tool-button signature-start" onClick={() => setOpen(true)} data-testid={`${testId}-start`}>
          {t('signatures.start', { role })}
        </button>
      )}
      <div className="signature-footer">
        <span className="hint" data-testid={`${testId}-date`}>
          {signature.signedAt && t('signatures.drawnAt', { date: f.date(new Date(signature.signedAt), { dateStyle: 'long', timeStyle: 'short' }) })}
        </span>
        <button type="button" className="tool-button" disabled={!image} onClick={() => onImage('')} data-testid={`${testId}-clear`}>
          {t('signatures.clear')}
        </button>
      </div>
      {tooLarge && (
        <p className="hint error" role="alert">
          {t('signatures.tooLarge')}
        </p>
      )}
    </div>
  );
}

/** The drawing pad: the plan's picture (`image`) shown, and each stroke sent back as a new picture. */
function DrawingPad({ image, label, testId, onImage, onTooLarge }: { image: string; label: string; testId: string; onImage(image: string): void; onTooLarge(tooLarge: boolean): void }) {
  const { t } = useTranslation('consent');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  /** The picture the canvas shows now: the plan's, or the one it just sent there. */
  const shown = useRef('');
  const commit = useRef({ onImage, onTooLarge });
  useEffect(() => {
    commit.current = { onImage, onTooLarge };
  }, [onImage, onTooLarge]);

  useEffect(() => {
    const element = canvas.current!;
    const signaturePad = new SignaturePad(element, { penColor: '#14213d', minWidth: 0.8, maxWidth: 2.6 });
    pad.current = signaturePad;
    signaturePad.addEventListener('endStroke', () => {
      // Kept at a fixed size whatever the screen: a few KB that print sharp.
      const out = document.createElement('canvas');
      out.width = SIGNATURE_EXPORT_PX.width;
      out.height = SIGNATURE_EXPORT_PX.height;
      out.getContext('2d')!.drawImage(element, 0, 0, out.width, out.height);
      const url = out.toDataURL('image/png');
      const tooLarge = url.length > MAX_SIGNATURE_CHARS;
      commit.current.onTooLarge(tooLarge);
      if (tooLarge) signaturePad.clear();
      shown.current = tooLarge ? '' : url;
      commit.current.onImage(shown.current);
    });
    // The canvas's pixels follow its size on screen (a turned tablet, a resized window); what was drawn is
    // put back from the plan's picture, as resizing a canvas wipes it.
    let size = '';
    const fit = () => {
      const ratio = Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
      const { width, height } = element.getBoundingClientRect();
      const next = `${Math.round(width * ratio)}x${Math.round(height * ratio)}`;
      if (next === size || width === 0) return;
      size = next;
      element.width = Math.round(width * ratio);
      element.height = Math.round(height * ratio);
      element.getContext('2d')!.scale(ratio, ratio);
      signaturePad.clear();
      if (shown.current) void signaturePad.fromDataURL(shown.current, { width, height });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => {
      observer.disconnect();
      signaturePad.off();
      pad.current = null;
    };
  }, []);

  // The plan's picture changed from elsewhere (undo, redo, an answer changed): show it.
  useEffect(() => {
    const signaturePad = pad.current;
    if (!signaturePad || image === shown.current) return;
    shown.current = image;
    const { width, height } = canvas.current!.getBoundingClientRect();
    signaturePad.clear();
    if (image) void signaturePad.fromDataURL(image, { width, height });
  }, [image]);

  return (
    <div className="signature-pad">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
      {!image && (
        <span className="signature-empty" aria-hidden="true">
          {t('signatures.empty')}
        </span>
      )}
    </div>
  );
}
