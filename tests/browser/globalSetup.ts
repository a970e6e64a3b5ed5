import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { findChromium, launchChromiumServer } from './chromium';
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
  const browser = await launchChromiumServer();
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
