/**
 * Finds and launches Chromium for the browser tests and the benchmark. We never download a browser:
 * CHROME_PATH, else Debian's binary, else `chromium` or `google-chrome` on the PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

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

/**
 * How a machine without a GPU draws WebGL: Mesa's llvmpipe (through ANGLE's EGL backend) or SwiftShader,
 * Chromium's own CPU renderer. llvmpipe draws our head about twice as fast on 2 cores (the browser suite takes
 * half the time), so tests use it where Mesa is installed (`.ci/run` installs it); SwiftShader is the
 * fallback, and what the benchmark's documented figures were measured with.
 */
export type SoftwareRenderer = 'llvmpipe' | 'swiftshader';

/** Mesa's EGL and its software driver, where Debian puts them on any architecture. */
function mesaInstalled(): boolean {
  const libDirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib'];
  return libDirs.some((dir) => existsSync(`${dir}/libEGL_mesa.so.0`) && existsSync(`${dir}/dri/swrast_dri.so`));
}

/** `SMP_SOFTWARE_GL` (llvmpipe or swiftshader) when set, else llvmpipe where Mesa is installed. */
export function defaultSoftwareRenderer(): SoftwareRenderer {
  const asked = process.env.SMP_SOFTWARE_GL;
  if (asked === 'llvmpipe' || asked === 'swiftshader') return asked;
  if (asked) throw new Error(`SMP_SOFTWARE_GL is ${asked}: use llvmpipe or swiftshader.`);
  return mesaInstalled() ? 'llvmpipe' : 'swiftshader';
}

export interface ChromiumOptions {
  /** The machine's GPU (true) or a CPU renderer (false, the default). */
  gpu?: boolean;
  /** The CPU renderer when `gpu` is false (`defaultSoftwareRenderer()` unless told). */
  software?: SoftwareRenderer;
  /**
   * A fake camera (a moving test pattern) that pages may use without asking: for the photo capture's test. Off
   * by default, so no other test sees a camera.
   */
  fakeCamera?: boolean;
}

const RENDERER_FLAGS: Record<SoftwareRenderer | 'gpu', string[]> = {
  gpu: ['--use-angle=vulkan', '--enable-gpu', '--ignore-gpu-blocklist', '--disable-gpu-sandbox'],
  llvmpipe: ['--use-angle=gl-egl', '--use-gl=angle', '--enable-gpu', '--ignore-gpu-blocklist', '--disable-gpu-sandbox'],
  swiftshader: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox'],
};

/** Flags for WebGL2 in headless Chromium: the machine's GPU, or llvmpipe or SwiftShader on the CPU. */
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
  return [...common, ...RENDERER_FLAGS[options.gpu ? 'gpu' : (options.software ?? defaultSoftwareRenderer())]];
}

export function launchOptions(options: ChromiumOptions = {}): LaunchOptions {
  return { executablePath: findChromium(), args: chromiumArgs(options), headless: true };
}

export function launchChromiumServer(options: ChromiumOptions = {}): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(options));
}

/** What draws WebGL2 in this browser (ANGLE's renderer string), or null where a page gets no WebGL2 at all. */
export async function webglRenderer(browser: Browser): Promise<string | null> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    });
  } finally {
    await page.close();
  }
}
