import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/domain/consultation';
import { axeViolations, openApp, showStep, waitForReady } from './harness';

const ARTIFACTS = 'tests/artifacts';

/** The sizes the app must work at: laptop, tablet landscape and portrait, phone. */
const SIZES = [
  { name: 'laptop', width: 1920, height: 1080 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Controls smaller than a 44 px touch target, and controls that stick out of the window, on screen now. */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}]`;
    const controls = document.querySelectorAll('button, [role="tab"], [role="radio"], [role="slider"], select, input, textarea, a[href]');
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // A checkbox's target is its whole label.
      const target = el instanceof HTMLInputElement && el.type === 'checkbox' && el.closest('label') ? el.closest('label')!.getBoundingClientRect() : box;
      if (target.width < 43.5 || target.height < 43.5) problems.push(`small: ${name(el)} ${Math.round(target.width)}×${Math.round(target.height)}`);
      // Inside a sideways-scrolling row a control may sit off screen; everything else must be within the window.
      const scroller = el.closest('.viewbar, .step-nav');
      if (!scroller && (box.left < -0.5 || box.right > innerWidth + 0.5)) problems.push(`outside: ${name(el)}`);
    }
    if (document.documentElement.scrollWidth > innerWidth) problems.push(`page is ${document.documentElement.scrollWidth} px wide`);
    // The topbar's groups never overlap each other.
    const groups = [...document.querySelectorAll('.topbar > *, .topbar-actions > *')].filter((g) => !g.classList.contains('topbar-actions')).map((g) => g.getBoundingClientRect());
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) problems.push(`topbar groups ${i} and ${j} overlap`);
      }
    }
    return problems;
  });
}

describe.each(SIZES)('at $width × $height ($name)', ({ name, width, height }) => {
  it('fits: every step reachable, nothing overflowing or overlapping, every control a 44 px touch target', async () => {
    const app = await openApp({ width, height });
    try {
      const canvas = (await app.page.locator('canvas').boundingBox())!;
      // The view stays large: at least 40 % of the window.
      expect((canvas.width * canvas.height) / (width * height)).toBeGreaterThan(0.4);
      for (const step of STEPS) {
        await showStep(app.page, step.id);
        await expect.poll(() => app.page.getByTestId('step-panel').textContent()).toContain(`Step ${STEPS.indexOf(step) + 1} of ${STEPS.length}`);
        expect(await layoutProblems(app.page), `step ${step.id}`).toEqual([]);
        if (step.id === 'dots') await app.page.screenshot({ path: `${ARTIFACTS}/layout-${name}.png` });
      }
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe-core violations in any step, dialog or size', async () => {
    const app = await openApp({ width: 1280, height: 800 });
    try {
      for (const step of STEPS) {
        await showStep(app.page, step.id);
        expect(await axeViolations(app.page), `step ${step.id}`).toEqual([]);
      }
      await app.page.getByTestId('help-button').click();
      expect(await axeViolations(app.page), 'help').toEqual([]);
      await app.page.keyboard.press('Escape');
      await app.page.getByTestId('plans-button').click();
      expect(await axeViolations(app.page), 'plans').toEqual([]);
      await app.page.keyboard.press('Escape');
      await app.page.setViewportSize({ width: 390, height: 844 });
      await showStep(app.page, 'dots');
      expect(await axeViolations(app.page), 'phone').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('is usable from the keyboard, with visible focus', async () => {
    const app = await openApp({ width: 1280, height: 800 });
    try {
      // Tab from the page start reaches the topbar, the view's controls and the steps, each showing focus.
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await app.page.keyboard.press('Tab');
        const focus = await app.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return { label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', role: el.getAttribute('role'), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
        });
        if (!focus) continue;
        expect(focus.outline, `focus ring on ${focus.label}`).toBe(true);
        seen.add(focus.role === 'tab' ? 'step tab' : focus.label);
      }
      for (const control of ['Plans', 'mm', 'Front view', 'Loupe', 'step tab']) expect([...seen]).toContain(control);
      // The steps follow the tab pattern: arrows move between them.
      await app.page.locator('[data-step="head"]').focus();
      await app.page.keyboard.press('ArrowRight');
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe('hair');
      expect(await app.page.locator('[data-step="hair"]').getAttribute('aria-selected')).toBe('true');
    } finally {
      await app.close();
    }
  });
});

describe('first visit and help', () => {
  it('guides a first visit in a few skippable steps, once, and lists gestures and shortcuts in Help', async () => {
    const app = await openApp({ width: 1024, height: 768, firstRun: true });
    try {
      const guide = app.page.getByTestId('guide');
      await expect.poll(() => guide.isVisible()).toBe(true);
      await expect.poll(() => guide.textContent()).toContain('1 of 4');
      await app.page.getByTestId('guide-next').click();
      await expect.poll(() => guide.textContent()).toContain('Seven steps');
      await app.page.getByTestId('guide-skip').click();
      await expect.poll(() => guide.isVisible()).toBe(false);
      await app.page.reload();
      await waitForReady(app.page);
      expect(await guide.isVisible()).toBe(false);

      await app.page.getByTestId('help-button').click();
      const help = app.page.getByTestId('help-dialog');
      await expect.poll(() => help.isVisible()).toBe(true);
      for (const text of ['Turn the head', 'Pinch', 'Ctrl+Z', 'Loupe on or off', 'Escape']) expect(await help.textContent()).toContain(text);
      await app.page.getByTestId('replay-guide').click();
      await expect.poll(() => guide.isVisible()).toBe(true);
      for (let i = 0; i < 3; i++) await app.page.getByTestId('guide-next').click();
      await app.page.getByTestId('guide-done').click();
      await expect.poll(() => guide.isVisible()).toBe(false);
      // Focus went back to the page, and the next step is one click away.
      await app.page.getByTestId('next-step').click();
      expect(await app.page.locator('[data-step="hair"]').getAttribute('aria-selected')).toBe('true');
    } finally {
      await app.close();
    }
  });
});
