import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlan } from '../../src/domain/plan';
import { MONK_SKIN_TONES } from '../../src/domain/skinTones';
import { VIEW_NAMES, VIEW_PRESETS } from '../../src/domain/views';
import { encodeBase64Url } from '../../src/io/planLink';
import { foregroundFraction, grabFrame, imageDifference, openApp, savePng, UI_PIXEL_RATIO, waitForLinkToMatchPlan, type AppPage, type Image } from './harness';

const ARTIFACTS = 'tests/artifacts';

function cornerColor(img: Image): [number, number, number] {
  return [img.data[0]!, img.data[1]!, img.data[2]!];
}

/** Mean colour of the pixels that are not background. */
function headMeanLuminance(img: Image): number {
  const bg = cornerColor(img);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const d = Math.abs(img.data[i]! - bg[0]) + Math.abs(img.data[i + 1]! - bg[1]) + Math.abs(img.data[i + 2]! - bg[2]);
    if (d > 6) {
      sum += 0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!;
      n++;
    }
  }
  return sum / n / 255;
}

/** Links the app refuses: each one, opened in a fresh profile, explains itself and shows the default plan. */
const BAD_LINKS = [
  // The notice names the field as the panel does; the page API's error keeps its path (dots.diameterMm).
  ['an out-of-range value', `#plan=${encodeBase64Url(JSON.stringify({ dots: { diameterMm: 9 } }))}`, /“Dot size” must be between 0\.25 and 1\.75 mm/],
  ['a damaged link', '#plan=eyJza2luIjp7ImNvbG9y', /damaged/],
] as const;

async function expectRefusedLink(app: AppPage, message: RegExp): Promise<void> {
  const notice = app.page.getByTestId('notice');
  await expect(notice.textContent()).resolves.toMatch(message);
  await expect(notice.textContent()).resolves.toMatch(/default plan/);
  expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(defaultPlan());
  await savePng(await grabFrame(app.page), `${ARTIFACTS}/bad-link.png`);
}

describe('the simulator app', () => {
  let app: AppPage;
  beforeAll(async () => {
    // The pictures are checked by shares of the frame, mean tones and mean differences, and whole-head views
    // show the dots' mean at any pixel ratio: the view draws at a quarter of a pixel per CSS pixel.
    // Opened with the first refused link, so that its start is the one every test here uses: the app starts
    // on the default plan just as it does without a link.
    app = await openApp({ hash: BAD_LINKS[0][1], deviceScaleFactor: UI_PIXEL_RATIO });
  });
  afterAll(async () => {
    await app.close();
  });

  it(`shows a clear message and the default plan for ${BAD_LINKS[0][0]}`, async () => {
    await expectRefusedLink(app, BAD_LINKS[0][2]);
    await app.page.getByRole('button', { name: 'Dismiss message' }).click();
    await app.page.getByTestId('notice').waitFor({ state: 'detached' });
  });

  it('boots with a WebGL2 canvas, no console errors and no requests to other origins', async () => {
    expect(await app.page.locator('canvas').count()).toBe(1);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(defaultPlan());
  });

  it('shows the head filling a sensible part of the canvas', async () => {
    const frame = await grabFrame(app.page);
    await savePng(frame, `${ARTIFACTS}/app-default.png`);
    const share = foregroundFraction(frame, cornerColor(frame));
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.7);
  });

  it('changes the picture for each view preset', async () => {
    const frames: Image[] = [];
    // The views that frame the whole head; those seen from a real distance are checked in viewing.test.ts.
    const names = VIEW_NAMES.filter((name) => VIEW_PRESETS[name].distanceMm === undefined && VIEW_PRESETS[name].aim === undefined);
    for (const name of names) {
      await app.page.evaluate((n) => window.smp!.setView(n), name);
      const frame = await grabFrame(app.page);
      await savePng(frame, `${ARTIFACTS}/view-${name}.png`);
      const share = foregroundFraction(frame, cornerColor(frame));
      expect(share, `head visible in the ${name} view`).toBeGreaterThan(0.1);
      frames.push(frame);
    }
    for (let i = 0; i < frames.length; i++) {
      for (let j = i + 1; j < frames.length; j++) {
        expect(imageDifference(frames[i]!, frames[j]!), `${names[i]} vs ${names[j]}`).toBeGreaterThan(0.01);
      }
    }
  });

  it('moves the camera to a given distance from the surface', async () => {
    await app.page.evaluate(() => window.smp!.setView('top', { distanceMm: 60 }));
    const close = await grabFrame(app.page);
    await savePng(close, `${ARTIFACTS}/view-top-60mm.png`);
    // 60 mm from the scalp the skin fills the whole picture.
    expect(foregroundFraction(close, [233, 236, 239])).toBeGreaterThan(0.95);
    await expect(app.page.evaluate(() => window.smp!.setView('top', { distanceMm: -1 }))).rejects.toThrow(/distanceMm/);
    await expect(app.page.evaluate(() => window.smp!.setView('sideways' as never))).rejects.toThrow(/Unknown view/);
  });

  it('changes the image with the skin tone, darker tones rendering darker', async () => {
    await app.page.evaluate(() => window.smp!.setView('front'));
    const lum: number[] = [];
    for (const tone of [MONK_SKIN_TONES[0], MONK_SKIN_TONES[4], MONK_SKIN_TONES[9]]) {
      await app.page.evaluate((color) => window.smp!.setPlan({ skin: { color } }), tone.color);
      const frame = await grabFrame(app.page);
      await savePng(frame, `${ARTIFACTS}/skin-monk-${tone.id}.png`);
      lum.push(headMeanLuminance(frame));
    }
    expect(lum[0]! - lum[1]!).toBeGreaterThan(0.05);
    expect(lum[1]! - lum[2]!).toBeGreaterThan(0.05);
  });

  it('changes the image with the lighting preset', async () => {
    await app.page.evaluate(() => window.smp!.setPlan({ skin: { color: '#d7bd96' } }));
    const frames: Image[] = [];
    for (const name of ['clinic', 'overhead', 'daylight']) {
      await app.page.click(`[data-lighting="${name}"]`);
      frames.push(await grabFrame(app.page));
    }
    expect(imageDifference(frames[0]!, frames[1]!)).toBeGreaterThan(0.01);
    expect(imageDifference(frames[0]!, frames[2]!)).toBeGreaterThan(0.01);
    await app.page.click('[data-lighting="clinic"]');
  });

  it('rejects a bad setPlan with an Error naming the field, and keeps the plan', async () => {
    await app.page.evaluate(() => window.smp!.setPlan({ skin: { color: '#a07e56' } }));
    const before = await app.page.evaluate(() => window.smp!.getPlan());
    for (const [bad, field] of [
      [{ skin: { color: 'brown' } }, 'skin.color'],
      [{ dots: { diameterMm: 3 } }, 'dots.diameterMm'],
      [{ skin: { colour: '#ffffff' } }, 'skin.colour'],
    ] as const) {
      const message = await app.page.evaluate((plan) => {
        try {
          window.smp!.setPlan(plan);
          return 'no error';
        } catch (e) {
          return e instanceof Error ? e.message : 'not an Error';
        }
      }, bad);
      expect(message).toContain(field);
      expect(await app.page.evaluate(() => window.smp!.getPlan())).toEqual(before);
    }
  });

  it('getPlan returns a deep copy', async () => {
    const untouched = await app.page.evaluate(() => {
      const plan = window.smp!.getPlan();
      plan.skin.color = '#000000';
      return window.smp!.getPlan().skin.color;
    });
    expect(untouched).not.toBe('#000000');
  });

  it('edits from the UI are undoable and reach the share link, which opens the plan and the view it names', async () => {
    await app.page.click('[data-monk="8"]');
    expect(await app.page.evaluate(() => window.smp!.getPlan().skin.color)).toBe(MONK_SKIN_TONES[7].color);
    await waitForLinkToMatchPlan(app.page);
    // The link as the app wrote it, naming the back view (this page shows another).
    const link = new URLSearchParams((await app.page.evaluate(() => location.hash)).slice(1));
    link.set('view', 'back');
    const hash = `#${link.toString()}`;
    await app.page.keyboard.press('Control+z');
    expect(await app.page.evaluate(() => window.smp!.getPlan().skin.color)).toBe('#a07e56');
    await app.page.click('button[aria-label="Redo"]');
    expect(await app.page.evaluate(() => window.smp!.getPlan().skin.color)).toBe(MONK_SKIN_TONES[7].color);

    const second = await openApp({ hash, deviceScaleFactor: UI_PIXEL_RATIO });
    try {
      expect(await second.page.evaluate(() => window.smp!.getPlan())).toEqual(await app.page.evaluate(() => window.smp!.getPlan()));
      expect(await second.page.locator('[data-view="back"][aria-pressed="true"]').count()).toBe(1);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

describe('links', () => {
  it.each(BAD_LINKS.slice(1))('shows a clear message and the default plan for %s', async (_name, hash, message) => {
    const app = await openApp({ hash, deviceScaleFactor: UI_PIXEL_RATIO });
    try {
      await expectRefusedLink(app, message);
    } finally {
      await app.close();
    }
  });
});
