// Shared by the viewer's end-to-end tests and its benchmark: build the viewer when its sources are
// newer than dist/viz, and start Debian's Chromium headless with a fresh profile.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWER_DIST = join(ROOT, 'dist/viz');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Runs `vite build` unless dist/viz is newer than everything under viz/, the graph model it bundles and vite.config.ts. */
export async function ensureViewerBuilt(): Promise<void> {
  let built = 0;
  try {
    built = statSync(join(VIEWER_DIST, 'index.html')).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(newestMtime(join(ROOT, 'viz')), newestMtime(join(ROOT, 'api/graph/model.ts')), newestMtime(join(ROOT, 'vite.config.ts')));
  if (built > sources) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'exchange-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to page.evaluate
  // carry that call into the page, so give the page a no-op of it.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
