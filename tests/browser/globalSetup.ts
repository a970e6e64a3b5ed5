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
  const { url, server } = await buildAndServe('node_modules/.smp-test-build');
  project.provide('appUrl', url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
