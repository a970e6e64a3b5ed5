/**
 * The clinic profile and the quote, as a practitioner meets them: the quote in step 7 asks for a clinic, the
 * Clinic dialog refuses a broken logo and keeps a good one, and the quote shows in step 7 and in the report
 * under the clinic's name and logo. The arithmetic is the unit tests' (tests/unit/quote.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSmallPictures, openApp, showStep, UI_PIXEL_RATIO, type AppPage } from './harness';

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#1f3a5f"/><circle cx="20" cy="20" r="10" fill="#c08a3e"/></svg>';

// One page for the file.
let app: AppPage;
beforeAll(async () => {
  // A heavily loaded machine can take over a minute to draw the first frame: wait longer than the harness does.
  // The clinic, the quote and the report's text are looked at, not the picture: small frames.
  app = await openApp({ width: 1280, height: 800, deviceScaleFactor: UI_PIXEL_RATIO, readyTimeoutMs: 240_000 });
  await drawSmallPictures(app.page);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('clinic profile and quote', () => {
  it('sets up the clinic from the quote in step 7, refusing a broken logo, and quotes the plan', { timeout: 240_000 }, async () => {
    const { page } = app;
    expect(await page.evaluate(() => [window.smp!.getClinicProfile(), window.smp!.getQuote()])).toEqual([null, null]);
    await showStep(page, 'compare');
    await expect.poll(() => page.getByTestId('quote-setup').textContent(), { timeout: 30_000 }).toMatch(/Set up the clinic/);

    await page.getByTestId('quote-clinic').click();
    const dialog = page.getByTestId('clinic-dialog');
    await dialog.waitFor();
    await page.getByTestId('clinic-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await expect.poll(() => page.getByTestId('clinic-error').textContent(), { timeout: 30_000 }).toMatch(/“logo\.png” could not be read as a picture/);
    await page.getByTestId('clinic-logo-input').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(LOGO_SVG) });
    await page.getByTestId('clinic-logo-preview').waitFor({ timeout: 30_000 });
    await page.getByTestId('clinic-name').fill('Bright Line Clinic');
    await page.getByTestId('clinic-address').fill('1 High Street, Leeds');
    await page.getByTestId('clinic-model').selectOption('session');
    await page.getByTestId('clinic-currency').fill('EUR');
    await page.getByTestId('clinic-deposit').fill('100');
    // A price left empty is refused in words, and nothing is saved.
    await page.getByTestId('clinic-save').click();
    await expect.poll(() => page.getByTestId('clinic-error').textContent()).toMatch(/Price \(price\.amount\) must be a number/);
    expect(await page.evaluate(() => window.smp!.getClinicProfile())).toBeNull();
    await page.getByTestId('clinic-amount').fill('450');
    await page.getByTestId('clinic-save').click();
    await expect.poll(() => page.getByTestId('clinic-status').textContent()).toMatch(/Saved “Bright Line Clinic” on this device/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const { profile, quote, sessions, expected } = await page.evaluate(() => {
      const quote = window.smp!.getQuote()!;
      const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' });
      return { profile: window.smp!.getClinicProfile()!, quote, sessions: window.smp!.getMeasurements().sessions, expected: money.format(quote.total) };
    });
    expect(profile).toMatchObject({ name: 'Bright Line Clinic', price: { model: 'session', amount: 450, currency: 'EUR', deposit: 100 } });
    expect(profile.logo).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(quote).toMatchObject({ total: sessions * 450, deposit: 100, balance: sessions * 450 - 100, currency: 'EUR' });
    await expect.poll(() => page.getByTestId('quote-total').textContent(), { timeout: 30_000 }).toBe(expected);
    // The profile is kept on the device: the page's storage holds it.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('smp-simulator.clinic')!).name)).toBe('Bright Line Clinic');
  });

  it('refuses a bad profile through window.smp, changing nothing', async () => {
    const { page } = app;
    const result = await page.evaluate(async () => {
      const before = window.smp!.getClinicProfile();
      const error = await window.smp!.setClinicProfile({ ...before, price: { ...before!.price, currency: 'euro' } }).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      return { error, same: JSON.stringify(window.smp!.getClinicProfile()) === JSON.stringify(before) };
    });
    expect(result.error).toMatch(/Currency \(price\.currency\) must be an ISO 4217 currency code/);
    expect(result.same).toBe(true);
  });

  it('prints the quote in the report under the clinic’s name and logo', { timeout: 240_000 }, async () => {
    const { page } = app;
    // The report's text comes before its pictures; the pictures are not needed here. The page draws them one
    // at a time between the test's requests: all is read in one request, and the report closed in it.
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-clinic').waitFor({ timeout: 60_000 });
    const report = await page.evaluate(async () => {
      const clinic = document.querySelector('[data-testid="report-clinic"]')!;
      const logo = clinic.querySelector('img')!;
      await logo.decode();
      const section = document.querySelector('[data-testid="report-quote"]')!;
      const read = {
        clinic: clinic.textContent,
        logo: logo.complete && logo.naturalWidth,
        alt: logo.getAttribute('alt'),
        heading: section.querySelector('h2')?.textContent,
        total: section.querySelector('[data-testid="quote-total"]')?.textContent,
        section: section.textContent,
        expectedTotal: new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(window.smp!.getQuote()!.total),
      };
      window.smp!.closeReport();
      return read;
    });
    expect(report.clinic).toContain('Bright Line Clinic');
    expect(report.clinic).toContain('1 High Street, Leeds');
    expect(report.logo).toBe(120);
    expect(report.alt).toBe('Bright Line Clinic logo');
    expect(report.heading).toBe('Quote from Bright Line Clinic');
    expect(report.total).toBe(report.expectedTotal);
    expect(report.section).toMatch(/Valid until/);
    expect(app.errors).toEqual([]);
  });
});
