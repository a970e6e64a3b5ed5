import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useStore } from 'zustand';
import { useSimulator } from '../app/simulator';
import { useClinic } from '../app/clinic';
import type { ClinicProfile } from '../domain/clinic';
import { buildQuote, type Quote } from '../domain/quote';
import { buildReport, REPORT_TITLE, type ConsultationReport, type ReportLine, type ReportPicture } from '../domain/report';
import { QuoteTable } from './QuotePanel';
import { ReportConsent } from './ReportConsent';

/** Pictures are drawn at this size (px): about 380 dpi at the 6 cm they are printed at. */
const PICTURE_PX = 900;

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
  const pictures = useStore(reportStore, (s) => s.pictures);
  const close = () => reportStore.getState().setOpen(false);

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
      const content = buildReport({
        plan,
        measurements,
        madeAt,
        units: sim.viewStore.getState().units,
        ...(head.scan && { scanName: head.scan.name }),
      });
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
          renderImage({ view: picture.view, showSmp: picture.showSmp, width: PICTURE_PX, height: PICTURE_PX, finished: true }),
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
    if (total > 0 && shown.size === total) reportStore.getState().setPictures('ready');
  }, [reportStore, shown, total]);

  const status =
    pictures instanceof Error
      ? `The pictures could not be drawn: ${pictures.message}`
      : pictures === 'ready'
        ? 'Ready to print.'
        : `Drawing the pictures… ${Object.keys(pictureUrls).length} of ${total || '…'}`;

  const figure = (picture: ReportPicture) => {
    const key = pictureKey(picture);
    const url = pictureUrls[key];
    return (
      <figure key={key} className="report-figure">
        {url ? (
          <img
            src={url}
            width={PICTURE_PX}
            height={PICTURE_PX}
            alt={`${picture.caption}: the head ${picture.showSmp ? 'with the planned SMP' : 'without SMP'}`}
            data-picture={key}
            onLoad={() => setShown((s) => new Set(s).add(key))}
          />
        ) : (
          <div className="report-placeholder" aria-hidden="true" />
        )}
        <figcaption>{picture.caption}</figcaption>
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
          Print / Save as PDF
        </button>
        <button type="button" className="tool-button" onClick={close}>
          Close
        </button>
      </div>
      <article
        className={branding ? 'report-page branded' : 'report-page'}
        style={branding ? ({ '--clinic-primary': branding.profile.colors.primary, '--clinic-accent': branding.profile.colors.accent } as CSSProperties) : undefined}
      >
        {branding && <ClinicHeader profile={branding.profile} />}
        <header className="report-header">
          <h1 id={titleId}>{REPORT_TITLE}</h1>
          {report && <Lines lines={report.client} />}
        </header>
        {report && (
          <>
            <p className="report-disclaimer" role="note">
              {report.disclaimer}
            </p>
            <section aria-labelledby={`${titleId}-before-after`}>
              <h2 id={`${titleId}-before-after`}>Before and after</h2>
              <div className="report-pair">{report.beforeAfter.map(figure)}</div>
            </section>
            <section aria-labelledby={`${titleId}-views`}>
              <h2 id={`${titleId}-views`}>Views with SMP</h2>
              <div className="report-views">{report.views.map(figure)}</div>
            </section>
            <section aria-labelledby={`${titleId}-hairline`}>
              <h2 id={`${titleId}-hairline`}>Hairline</h2>
              <Lines lines={report.hairline} />
              {report.warnings.length > 0 && (
                <ul className="warnings" aria-label="Warnings">
                  {report.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby={`${titleId}-dots`}>
              <h2 id={`${titleId}-dots`}>Dots</h2>
              <Lines lines={report.dots} />
            </section>
            {report.hair.length > 0 && (
              <section aria-labelledby={`${titleId}-hair`}>
                <h2 id={`${titleId}-hair`}>The client’s hair today</h2>
                <Lines lines={report.hair} />
              </section>
            )}
            {report.density.length > 0 && (
              <section aria-labelledby={`${titleId}-density`}>
                <h2 id={`${titleId}-density`}>Density map</h2>
                <Lines lines={report.density} />
              </section>
            )}
            {report.scars.length > 0 && (
              <section aria-labelledby={`${titleId}-scars`}>
                <h2 id={`${titleId}-scars`}>Scars</h2>
                <Lines lines={report.scars} />
              </section>
            )}
            <section aria-labelledby={`${titleId}-sessions`}>
              <h2 id={`${titleId}-sessions`}>Sessions and aftercare</h2>
              <Lines lines={report.treatment} />
              <div className="report-table">
                <table className="report-sessions">
                  <thead>
                    <tr>
                      <th scope="col">Session</th>
                      <th scope="col">Share of the dots</th>
                      <th scope="col">Impressions</th>
                      <th scope="col">Time</th>
                      <th scope="col">Pigment strength</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.sessions.map((s) => (
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
              <p>{report.sessionNote}</p>
              <p>{report.touchUp}</p>
            </section>
            {/* Without a profile the invitation is for the practitioner only: a printed report carries no empty quote. */}
            <section aria-labelledby={`${titleId}-quote`} className={branding ? undefined : 'report-screen-only'} data-testid="report-quote">
              <h2 id={`${titleId}-quote`}>Quote{branding && ` from ${branding.profile.name}`}</h2>
              {branding ? (
                <QuoteTable quote={branding.quote} />
              ) : (
                <p className="hint">No quote: set up the clinic (Plans › Clinic…, or under the quote in step 7) to print a quote with your prices and branding.</p>
              )}
            </section>
            {report.notes && (
              <section aria-labelledby={`${titleId}-notes`}>
                <h2 id={`${titleId}-notes`}>Notes</h2>
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
  return (
    <div className="report-clinic" data-testid="report-clinic">
      {profile.logo && <img className="report-clinic-logo" src={profile.logo} alt={`${profile.name} logo`} />}
      <div>
        <p className="report-clinic-name">{profile.name}</p>
        {profile.address && <p>{profile.address}</p>}
        {profile.contact && <p>{profile.contact}</p>}
      </div>
    </div>
  );
}

function Lines({ lines }: { lines: ReportLine[] }) {
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
