/**
 * The clinic profile and the quote, as a practitioner meets them: the quote in step 7 asks for a clinic, the
 * Clinic dialog refuses a broken logo and keeps a good one, and the quote shows in step 7 and in the report
 * under the clinic's name and logo. The arithmetic is the unit tests' (tests/unit/quote.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, showStep, type AppPage } from './harness';

const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#1f3a5f"/><circle cx="20" cy="20" r="10" fill="#c08a3e"/></svg>';

// One page for the file.
let app: AppPage;
beforeAll(async () => {
  // A heavily loaded machine can take over a minute to draw the first frame: wait longer than the harness does.
  app = await openApp({ width: 1280, height: 800, readyTimeoutMs: 240_000 });
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
    // The report's text comes before its pictures; the pictures are not needed here.
    await page.getByTestId('report-button').click();
    const clinic = page.getByTestId('report-clinic');
    await clinic.waitFor({ timeout: 60_000 });
    expect(await clinic.textContent()).toContain('Bright Line Clinic');
    expect(await clinic.textContent()).toContain('1 High Street, Leeds');
    const logo = clinic.locator('img');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    expect(await logo.getAttribute('alt')).toBe('Bright Line Clinic logo');
    const total = await page.evaluate(() => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(window.smp!.getQuote()!.total));
    const section = page.getByTestId('report-quote');
    expect(await section.locator('h2').textContent()).toBe('Quote from Bright Line Clinic');
    expect(await section.getByTestId('quote-total').textContent()).toBe(total);
    expect(await section.textContent()).toMatch(/Valid until/);
    await page.evaluate(() => window.smp!.closeReport());
    expect(app.errors).toEqual([]);
  });
});
