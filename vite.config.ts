import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { faceModelAssets } from './scripts/faceModelAssets.ts';
import { heicDecoderAssets } from './scripts/heicDecoderAssets.ts';
import { offlinePlugin } from './scripts/offlinePlugin.ts';
import { shaderText } from './scripts/shaderText.ts';
import { threeCatalogue } from './scripts/threeCatalogue.ts';
import { FACE_MODEL_DIR } from './src/io/photos/faceModel.ts';
import { HEIC_DECODER_DIR } from './src/io/photos/heicDecoder.ts';

/** Node test files that mock modules: named `*.mocking.test.ts`. */
const MOCKING_FILES = 'tests/unit/**/*.mocking.test.ts';

export default defineConfig({
  // Relative asset paths: the app can be served from any sub-path of a clinic's site.
  base: './',
  plugins: [
    react(),
    faceModelAssets(),
    heicDecoderAssets(),
    offlinePlugin({ cachedAtFirstUse: [FACE_MODEL_DIR, HEIC_DECODER_DIR] }),
    // What the first load carries (README, "Bundle size"; tests/browser/bundle.test.ts holds it under its budget).
    threeCatalogue(fileURLToPath(new URL('./src/scene/threeElements.ts', import.meta.url))),
    shaderText(),
  ],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // The scan reader runs in a module worker (src/io/scan/scanWorker.ts).
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        // The pigment kernels' weights are a file the app reads at start; Node reads it before each test file.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [MOCKING_FILES],
          environment: 'node',
          setupFiles: ['tests/support/pigmentKernels.ts', 'tests/support/sharedWorker.ts'],
          // Worker threads start and import faster than forked processes (the unit files' import time fell by a third).
          pool: 'threads',
          // Each worker keeps the modules it has imported from file to file: importing them again for every file took
          // a third of the Node tests' time (74 s against 46 s for them all). What a file stubs goes back when it ends
          // (tests/support/sharedWorker.ts).
          isolate: false,
          // Both cores (vitest's default leaves one free), in a group of their own after the browser files: beside
          // them, the browser tests' frames would wait on the Node tests.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // The files that mock modules (`vi.mock`), each with modules of its own: a mock would otherwise reach the files
        // after it in the worker (tests/unit/testIsolation.test.ts checks that every such file is named so).
        test: {
          name: 'unit-mocking',
          include: [MOCKING_FILES],
          environment: 'node',
          setupFiles: ['tests/support/pigmentKernels.ts'],
          pool: 'threads',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/globalSetup.ts'],
          setupFiles: ['tests/support/pigmentKernels.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          // A condition polled for waits on the interface, which waits on frames drawn on the CPU, two files at a time:
          // seconds on a small busy machine, where vitest's default gives up after one.
          expect: { poll: { timeout: 20_000 } },
          // Two files at a time, in one Chromium (tests/browser/globalSetup.ts): 560 s against 625 s one after another
          // on 2 cores. The CPU renderer keeps both cores busy only while it draws; between frames one file's page
          // loads, lays out or waits on storage while the other draws. (One Chromium per worker was slower, and
          // starved the camera test's frames into time-outs.)
          maxWorkers: 2,
          // Each worker reuses the loaded test modules and its connection to Chromium from file to file (every file
          // opens its own pages and closes them, so no state carries over).
          isolate: false,
        },
      },
    ],
  },
});
