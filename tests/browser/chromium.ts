/**
 * Finds and launches Chromium for the browser tests and the benchmark. We never download a browser:
 * CHROME_PATH, else Debian's binary, else `chromium` or `google-chrome` on the PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer, type LaunchOptions } from 'playwright-core';

export const INSTALL_HINT =
  'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.';

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  if (existsSync('/usr/lib/chromium/chromium')) return '/usr/lib/chromium/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on the PATH: try the next name
    }
  }
  throw new Error(INSTALL_HINT);
}

export interface ChromiumOptions {
  /** The machine's GPU (true) or SwiftShader on the CPU (false, the default). */
  gpu?: boolean;
  /**
   * A fake camera (a moving test pattern) that pages may use without asking: for the photo capture's test. Off
   * by default, so no other test sees a camera.
   */
  fakeCamera?: boolean;
}

/** Flags for WebGL2 in headless Chromium. `gpu: false` uses SwiftShader (CPU); `gpu: true` the machine's GPU. */
export function chromiumArgs(options: ChromiumOptions = {}): string[] {
  const common = [
    '--headless=new',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    '--mute-audio',
  ];
  if (options.fakeCamera) common.push('--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream');
  return options.gpu
    ? [...common, '--use-angle=vulkan', '--enable-gpu', '--ignore-gpu-blocklist', '--disable-gpu-sandbox']
    : [...common, '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox'];
}

export function launchOptions(options: ChromiumOptions = {}): LaunchOptions {
  return { executablePath: findChromium(), args: chromiumArgs(options), headless: true };
}

export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}
