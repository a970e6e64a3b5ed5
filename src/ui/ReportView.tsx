import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSimulator } from '../app/simulator';
import { useClinic } from '../app/clinic';
import type { ClinicProfile } from '../domain/clinic';
import { buildQuote, type Quote } from '../domain/quote';
import { buildReport, type ConsultationReport, type ReportPicture } from '../domain/report';
import { useFormat } from './i18n/useFormat';
import { useWarningText } from './i18n/warningText';
import { QuoteTable } from './QuotePanel';
import { ReportConsent } from './ReportConsent';
import { ReportPhotoPairs } from './ReportPhotoPairs';
import { PICTURE_PX, picturePx } from './pictureSize';
import { writeReport, type WrittenLine } from './reportText';

const pictureKey = (p: ReportPicture) => `${p.view}-${p.showSmp ? 'with' : 'without'}-smp`;

/** The consultation report's full-screen preview, while it is open. */
export function ReportView() {
  const { reportStore } = useSimulator();
  const open = useStore(reportStore, (s) => s.open);
  return open ? <ReportDialog /> : null;
}

/**
 * The report as it will print: the plan and its measurements (from `buildReport`) and pictures of the head
 * drawn offscreen from the standard views. The numbers are of the plan as it was when the report was
 * opened; the pictures show the finished treatment, freshly healed, whatever the view previews.
 */
function ReportDialog() {
  const sim = useSimulator();
  const { reportStore } = sim;
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [report, setReport] = useState<ConsultationReport | null>(null);
  const clinic = useClinic();
  /** The clinic's branding and quote, as they were when the report was opened (null: no clinic profile). */
  const [branding, setBranding] = useState<{ profile: ClinicProfile; quote: Quote } | null>(null);
  const [pictureUrls, setPictureUrls] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  /** The pairs on the client's photos: drawing until done (true), or the error that stopped them. */
  const [photoPairs, setPhotoPairs] = useState<boolean | Error>(false);
  const pictures = useStore(reportStore, (s) => s.pictures);
  const close = () => reportStore.getState().setOpen(false);
  const { t, i18n } = useTranslation('report');
  const f = useFormat();
  const warning = useWarningText();
  // Written at each render from the numbers: switching language or units while the report is open rewrites it.
  const text = report && writeReport(report, { t, f, warning });

  useEffect(() => {
    const element = dialog.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Modal: the rest of the app is inert (no focus, clicks or screen reader) until the report closes.
    // Not a native modal <dialog>: the top layer it lives in prints as a single page.
    const others = [...element.parentElement!.children].filter((e): e is HTMLElement => e !== element && e instanceof HTMLElement && !e.inert);
    for (const other of others) other.inert = true;
    // Focus starts on the report itself, so a screen reader announces it before its buttons.
    element.focus();
    return () => {
      for (const other of others) other.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    const draw = async () => {
      // The hairline's editing handles are a tool, not part of the result.
      sim.viewStore.getState().setEditingHairline(false);
      await sim.signals.whenDrawable();
      const head = sim.headStore.getState().head;
      if (cancelled) return;
      if (!head) throw new Error('The head is not loaded yet');
      const plan = sim.planStore.getState().plan;
      const measurements = head.treatment.measure(plan);
      const madeAt = new Date();
      const content = buildReport({ plan, measurements, madeAt, ...(head.scan && { scanName: head.scan.name }) });
      setReport(content);
      const { profile } = clinic.state.getState();
      setBranding(profile && { profile, quote: buildQuote(profile, measurements, madeAt) });
      for (const picture of [...content.beforeAfter, ...content.views]) {
        // One picture per task, so the page shows each one as it comes.
        await new Promise((resolve) => setTimeout(resolve));
        if (cancelled) return;
        const { renderImage } = await sim.scene.whenAttached();
        // While the WebGL context is lost this waits for the restore (bounded), never draws with a dead context.
        const canvas = await sim.signals.drawWhenRestored(() =>
          renderImage({ view: picture.view, showSmp: picture.showSmp, width: picturePx(), height: picturePx(), finished: true }),
        );
        if (cancelled) return;
        const url = canvas.toDataURL('image/png');
        setPictureUrls((urls) => ({ ...urls, [pictureKey(picture)]: url }));
      }
    };
    draw().catch((error: unknown) => {
      if (!cancelled) reportStore.getState().setPictures(error instanceof Error ? error : new Error(String(error)));
    });
    return () => void (cancelled = true);
  }, [sim, reportStore, clinic]);

  const total = report ? report.beforeAfter.length + report.views.length : 0;
  useEffect(() => {
    if (photoPairs instanceof Error) reportStore.getState().setPictures(photoPairs);
    else if (total > 0 && shown.size === total && photoPairs) reportStore.getState().setPictures('ready');
  }, [reportStore, shown, total, photoPairs]);

  const status =
    pictures instanceof Error
      ? t('status.failed', { message: pictures.message })
      : pictures === 'ready'
        ? t('status.ready')
        : t('status.drawing', { done: f.number(Object.keys(pictureUrls).length), total: total ? f.number(total) : '…' });

  const figure = (picture: ReportPicture) => {
    const key = pictureKey(picture);
    const url = pictureUrls[key];
    const caption = t(`pictures.${picture.caption}`);
    return (
      <figure key={key} className="report-figure">
        {url ? (
          <img
            src={url}
            width={PICTURE_PX}
            height={PICTURE_PX}
            alt={t(picture.showSmp ? 'pictures.withSmp' : 'pictures.withoutSmp', { caption })}
            data-picture={key}
            onLoad={() => setShown((s) => new Set(s).add(key))}
          />
        ) : (
          <div className="report-placeholder" aria-hidden="true" />
        )}
        <figcaption>{caption}</figcaption>
      </figure>
    );
  };

  return (
    <div
      ref={dialog}
      role="dialog"
      className="report-dialog"
      aria-labelledby={titleId}
      aria-modal="true"
      tabIndex={-1}
      lang={i18n.language}
      data-testid="report"
      data-pictures={pictures instanceof Error ? 'failed' : pictures}
      onKeyDown={(e) => {
        // The app's keyboard shortcuts act on what is behind the report: keep them quiet while it is open.
        e.stopPropagation();
        if (e.key === 'Escape') close();
      }}
    >
      <div className="report-toolbar">
        <p className="report-status" role="status">
          {status}
        </p>
        <button type="button" className="tool-button primary" disabled={pictures !== 'ready'} onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" className="tool-button" onClick={close}>
          {t('close')}
        </button>
      </div>
      <article
        className={branding ? 'report-page branded' : 'report-page'}
        style={branding ? ({ '--clinic-primary': branding.profile.colors.primary, '--clinic-accent': branding.profile.colors.accent } as CSSProperties) : undefined}
      >
        {branding && <ClinicHeader profile={branding.profile} />}
        <header className="report-header">
          <h1 id={titleId}>{t('title')}</h1>
          {text && <Lines lines={text.client} />}
        </header>
        {report && text && (
          <>
            <p className="report-disclaimer" role="note">
              {t('disclaimer')}
            </p>
            <section aria-labelledby={`${titleId}-before-after`}>
              <h2 id={`${titleId}-before-after`}>{t('headings.beforeAfter')}</h2>
              <div className="report-pair">{report.beforeAfter.map(figure)}</div>
            </section>
            <ReportPhotoPairs onDone={(error) => setPhotoPairs(error ?? true)} />
            <section aria-labelledby={`${titleId}-views`}>
              <h2 id={`${titleId}-views`}>{t('headings.views')}</h2>
              <div className="report-views">{report.views.map(figure)}</div>
            </section>
            <section aria-labelledby={`${titleId}-hairline`}>
              <h2 id={`${titleId}-hairline`}>{t('headings.hairline')}</h2>
              <Lines lines={text.hairline} />
              {text.warnings.length > 0 && (
                <ul className="warnings" aria-label={t('warnings')}>
                  {text.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby={`${titleId}-dots`}>
              <h2 id={`${titleId}-dots`}>{t('headings.dots')}</h2>
              <Lines lines={text.dots} />
            </section>
            {text.hair.length > 0 && (
              <section aria-labelledby={`${titleId}-hair`}>
                <h2 id={`${titleId}-hair`}>{t('headings.hair')}</h2>
                <Lines lines={text.hair} />
              </section>
            )}
            {text.density.length > 0 && (
              <section aria-labelledby={`${titleId}-density`}>
                <h2 id={`${titleId}-density`}>{t('headings.density')}</h2>
                <Lines lines={text.density} />
              </section>
            )}
            {text.scars.length > 0 && (
              <section aria-labelledby={`${titleId}-scars`}>
                <h2 id={`${titleId}-scars`}>{t('headings.scars')}</h2>
                <Lines lines={text.scars} />
              </section>
            )}
            <section aria-labelledby={`${titleId}-sessions`}>
              <h2 id={`${titleId}-sessions`}>{t('headings.sessions')}</h2>
              <Lines lines={text.treatment} />
              <div className="report-table">
                <table className="report-sessions">
                  <thead>
                    <tr>
                      <th scope="col">{t('table.session')}</th>
                      <th scope="col">{t('table.share')}</th>
                      <th scope="col">{t('table.impressions')}</th>
                      <th scope="col">{t('table.time')}</th>
                      <th scope="col">{t('table.strength')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {text.sessions.map((s) => (
                      <tr key={s.session}>
                        <th scope="row">{s.session}</th>
                        <td>{s.share}</td>
                        <td>{s.impressions}</td>
                        <td>{s.hours}</td>
                        <td>{s.strength}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>{t('sessionNote')}</p>
              <p>{text.touchUp}</p>
            </section>
            {/* Without a profile the invitation is for the practitioner only: a printed report carries no empty quote. */}
            <section aria-labelledby={`${titleId}-quote`} className={branding ? undefined : 'report-screen-only'} data-testid="report-quote">
              <h2 id={`${titleId}-quote`}>{branding ? t('headings.quoteFrom', { clinic: branding.profile.name }) : t('headings.quote')}</h2>
              {branding ? (
                <QuoteTable quote={branding.quote} />
              ) : (
                <p className="hint">{t('noQuote')}</p>
              )}
            </section>
            {report.notes && (
              <section aria-labelledby={`${titleId}-notes`}>
                <h2 id={`${titleId}-notes`}>{t('headings.notes')}</h2>
                <p className="report-notes">{report.notes}</p>
              </section>
            )}
            <ReportConsent />
          </>
        )}
      </article>
    </div>
  );
}

/** The clinic's logo, name, address and contact at the top of the report. */
function ClinicHeader({ profile }: { profile: ClinicProfile }) {
  const { t } = useTranslation('report');
  return (
    <div className="report-clinic" data-testid="report-clinic">
      {profile.logo && <img className="report-clinic-logo" src={profile.logo} alt={t('clinicLogo', { name: profile.name })} />}
      <div>
        <p className="report-clinic-name">{profile.name}</p>
        {profile.address && <p>{profile.address}</p>}
        {profile.contact && <p>{profile.contact}</p>}
      </div>
    </div>
  );
}

function Lines({ lines }: { lines: WrittenLine[] }) {
  return (
    <dl className="report-lines">
      {lines.map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>
            {line.swatch && <span className="report-swatch" style={{ background: line.swatch }} aria-hidden="true" />}
            {line.value}
            {line.detail && <small>{line.detail}</small>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
