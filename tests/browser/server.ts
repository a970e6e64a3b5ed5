/** Builds the app and serves the build on a free localhost port, for the browser tests and the benchmark. */
import { build, preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function buildAndServe(outDir: string): Promise<{ url: string; server: PreviewServer }> {
  // Vitest sets NODE_ENV=test, which would bundle React's development build: test what users get.
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}
