import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { defaultSoftwareRenderer, findChromium, launchChromiumServer, webglRenderer } from './chromium';
import { buildAndServe } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    wsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // Fails here, before any test, with one line that says how to install Chromium when none is found.
  try {
    findChromium();
  } catch (err) {
    const oneLine = new Error(err instanceof Error ? err.message : String(err));
    oneLine.stack = oneLine.message;
    throw oneLine;
  }
  const browser = await startBrowser();
  // One build folder per run, so that two test runs on one machine never serve each other's half-written build.
  const outDir = `node_modules/.smp-test-build-${process.pid}`;
  const { url, server } = await buildAndServe(outDir);
  project.provide('appUrl', url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}

/**
 * Chromium drawing with the chosen CPU renderer. Where llvmpipe was chosen but the browser draws with
 * something else (a Mesa too old, or an EGL Chromium cannot use), the suite falls back to SwiftShader and
 * says so, rather than failing every test or timing it on an unknown renderer.
 */
async function startBrowser() {
  const software = defaultSoftwareRenderer();
  const server = await launchChromiumServer({ software });
  if (software === 'swiftshader') return server;
  const client = await chromium.connect(server.wsEndpoint());
  const renderer = await webglRenderer(client).finally(() => client.close());
  if (renderer?.includes('llvmpipe')) return server;
  console.warn(`Browser tests: llvmpipe was asked for but Chromium draws with ${renderer ?? 'no WebGL2'}; using SwiftShader.`);
  await server.close();
  return launchChromiumServer({ software: 'swiftshader' });
}
