/**
 * The consent in step 7 as a practitioner and client go through it: the health questions answered, both
 * signatures drawn with the real mouse on the pad, signed, then read-only; the report prints the answers and
 * both signatures; a change makes version 2; the share link in the address bar holds none of it. The rules
 * themselves (versions, validation, migration) are the unit tests' (tests/unit/consent.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { drawSmallPictures, openApp, showStep, waitForLinkToMatchPlan, type AppPage } from './harness';

let app: AppPage;
beforeAll(async () => {
  // A heavily loaded machine can take over a minute to draw the first frame: wait longer than the harness does.
  // Half a device pixel per CSS pixel: the 3D view, redrawn after each answer, costs a quarter; the signature
  // pads still draw lines a pixel or more wide, kept as 600-pixel pictures.
  app = await openApp({ width: 1280, height: 800, deviceScaleFactor: 0.5, readyTimeoutMs: 240_000 });
  // The report is opened for its consent section, not its pictures.
  await drawSmallPictures(app.page);
}, 300_000);
afterAll(async () => {
  await app?.close();
});

/** Opens a signer's pad and signs on it with the mouse: a few loops across it, pressed from the first point to the last. */
async function drawSignature(page: Page, signer: string): Promise<void> {
  await page.getByTestId(`${signer}-start`).click();
  const pad = page.getByTestId(`${signer}-pad`);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const t = i / 24;
    await page.mouse.move(...at(0.1 + 0.8 * t, 0.5 + 0.25 * Math.sin(t * Math.PI * 5)), { steps: 2 });
  }
  await page.mouse.up();
}

/** Dark pixels in a signature picture (a PNG data URL): the ink that was drawn. */
function inkPixels(dataUrl: string): { width: number; ink: number } {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 128 && png.data[i]! < 100) ink++;
  return { width: png.width, ink };
}

const consentOf = (page: Page) => page.evaluate(() => window.smp!.getConsent());

describe('consent and health questions', () => {
  it('is answered, signed with the mouse by both, read-only once signed, and printed in the report', { timeout: 300_000 }, async () => {
    const { page } = app;
    await page.evaluate(() => window.smp!.setPlan({ client: { name: 'Ana Ruiz', notes: 'Prefers mornings' } }));
    await showStep(page, 'compare');
    const panel = page.getByTestId('consent');
    await panel.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('consent-status').textContent()).toMatch(/Version 1 · Draft, not signed yet/);
    await expect.poll(() => page.getByTestId('consent-sign').isDisabled()).toBe(true);
    expect(await page.getByTestId('consent-missing').textContent()).toContain('7 health questions are not answered');
    // The standard text (no clinic text is set), with the facts the client agrees to.
    expect(await page.getByTestId('consent-text').textContent()).toMatch(/colour of the pigment can shift.*blowouts.*keloids.*computer simulation, not a guarantee/s);

    for (const question of ['keloids', 'anticoagulants', 'isotretinoin', 'pigmentAllergy', 'anaestheticAllergy', 'scalpConditions', 'sunExposure']) {
      const answer = question === 'isotretinoin' ? 'yes' : question === 'sunExposure' ? 'unsure' : 'no';
      await page.locator(`[data-consent-${question}="${answer}"]`).click();
    }
    await page.getByTestId('consent-details-isotretinoin').fill('Stopped in August');
    await page.getByTestId('consent-notes').fill('Takes vitamin D');
    const warnings = page.getByTestId('consent-warnings');
    expect(await warnings.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Defer: Isotretinoin in the last 6 months: defer the treatment/),
      expect.stringMatching(/^Check: Sun exposure: the client is not sure/),
    ]);

    // The pads open when each signer is ready: until then step 7 holds no canvas but the 3D view's.
    expect(await page.locator('canvas').count()).toBe(1);
    await page.getByTestId('consent-client-name').fill('Ana Ruiz');
    await page.getByTestId('consent-practitioner-name').fill('Dr. Lee');
    await drawSignature(page, 'consent-client');
    await drawSignature(page, 'consent-practitioner');
    await expect.poll(async () => (await consentOf(page)).current.practitioner.image.length).toBeGreaterThan(100);
    const drafted = (await consentOf(page)).current;
    for (const role of ['client', 'practitioner'] as const) {
      const { width, ink } = inkPixels(drafted[role].image);
      expect(width, role).toBe(600);
      // A line a few pixels wide across most of a 600-pixel pad.
      expect(ink, role).toBeGreaterThan(500);
      expect(drafted[role].signedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(await page.getByTestId('consent-client-date').textContent()).toMatch(/^Signed /);

    await page.getByTestId('consent-sign').click();
    await expect.poll(() => page.getByTestId('consent-status').getAttribute('data-signed')).toBe('true');
    expect(await page.getByTestId('consent-status').textContent()).toMatch(/Version 1 · Signed /);
    const signed = await consentOf(page);
    expect(signed.history).toEqual([]);
    expect(signed.current).toMatchObject({ version: 1, language: 'en', notes: 'Takes vitamin D', client: { name: 'Ana Ruiz' }, practitioner: { name: 'Dr. Lee' } });
    expect(signed.current.text).toMatch(/^Consent to scalp micropigmentation \(SMP\)/);
    expect(signed.current.answers.isotretinoin).toEqual({ answer: 'yes', details: 'Stopped in August' });
    // Read-only: nothing left to type, choose or draw in, the answers and signatures shown as they were signed.
    expect(await panel.locator('input, textarea, canvas, [role="radio"]').count()).toBe(0);
    expect(await panel.getByTestId('consent-answers').textContent()).toContain('Stopped in August');
    expect(await panel.locator('.consent-signature img').count()).toBe(2);

    // The link in the address bar carries the design only: no consent, answers, names or signatures.
    await waitForLinkToMatchPlan(page);
    const linked = await page.evaluate(() => {
      const encoded = new URLSearchParams(location.hash.slice(1)).get('plan')!;
      return new TextDecoder().decode(Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    });
    expect(Object.keys(JSON.parse(linked) as object)).not.toContain('consent');
    for (const secret of ['Ana Ruiz', 'Dr. Lee', 'Stopped in August', 'vitamin D', 'data:image/png', 'isotretinoin', 'Consent to scalp']) expect(linked).not.toContain(secret);

    // The report: version and date, the text, the answers with their details, the warnings and both signatures.
    await page.getByTestId('report-button').click();
    await page.getByTestId('report-consent').waitFor({ timeout: 60_000 });
    // The page draws the report's pictures one at a time between the test's requests: all is read in one
    // request (once both signatures have loaded), and the report closed in it.
    const report = await page.evaluate(async (names) => {
      const section = document.querySelector('[data-testid="report-consent"]')!;
      const signatures = names.map((name) => section.querySelector<HTMLImageElement>(`img[alt="Signature of ${name}"]`));
      await Promise.all(signatures.map((img) => img?.decode()));
      const read = {
        text: section.textContent,
        consentText: section.querySelector('[data-testid="report-consent-text"]')?.textContent,
        signatureWidths: signatures.map((img) => img && img.complete && img.naturalWidth),
      };
      window.smp!.closeReport();
      return read;
    }, ['Ana Ruiz', 'Dr. Lee']);
    expect(report.text).toMatch(/Version 1 · Signed /);
    expect(report.text).toContain('Have you taken isotretinoin (such as Roaccutane or Accutane) in the last 6 months?');
    expect(report.text).toMatch(/YesStopped in August|Yes · Stopped in August/);
    expect(report.text).toContain('Defer:');
    expect(report.consentText).toBe(signed.current.text);
    expect(report.signatureWidths).toEqual([600, 600]);

    // A change makes version 2, a draft from version 1's answers; version 1 stays in the history. Undo goes back.
    await page.getByTestId('consent-new-version').click();
    await expect.poll(() => page.getByTestId('consent-status').textContent()).toMatch(/Version 2 · Draft/);
    const second = await consentOf(page);
    expect(second.history).toEqual([signed.current]);
    expect(second.current.answers).toEqual(signed.current.answers);
    expect([second.current.client.image, second.current.practitioner.image]).toEqual(['', '']);
    expect(await page.getByTestId('consent-history').locator('summary').first().textContent()).toBe('Earlier versions');
    await page.locator('[data-consent-sunExposure="no"]').click();
    expect((await consentOf(page)).current.answers.sunExposure.answer).toBe('no');
    await page.evaluate(() => {
      window.smp!.undo();
      window.smp!.undo();
    });
    expect(await consentOf(page)).toEqual(signed);
    await expect.poll(() => page.getByTestId('consent-status').getAttribute('data-signed')).toBe('true');
    expect(app.errors).toEqual([]);
  });
});
