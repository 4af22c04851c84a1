// Shared by the viewer's end-to-end tests and its benchmark: build the viewer when its sources are
// newer than dist/viz, and start Chromium headless with a fresh profile. The browser comes with
// `npm install`: @sparticuz/chromium ships a headless Chromium inside the npm package (unpacked to
// /tmp on first use), with the NSS libraries it needs, so no system browser is required.
// CHROMIUM_PATH picks another one (e.g. /usr/bin/chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import packagedChromium from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWER_DIST = join(ROOT, 'dist/viz');

interface ChromiumBinary {
  path: string;
  env: Record<string, string>;
}

/** CHROMIUM_PATH, or the packaged Chromium, unpacked with its libraries; fails loudly, never skips. */
async function chromiumBinary(): Promise<ChromiumBinary> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file. Unset it to use the Chromium that npm install brought.`);
    return { path: chosen, env: {} };
  }
  try {
    const bin = fileURLToPath(new URL('../../bin/', import.meta.resolve('@sparticuz/chromium')));
    const path = await packagedChromium.executablePath(bin);
    const ldPath = [unpackLibraries(bin), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    return { path, env: { LD_LIBRARY_PATH: ldPath } };
  } catch (error) {
    throw new Error(
      `the packaged Chromium (@sparticuz/chromium) could not be unpacked: ${(error as Error).message}. ` +
        'Run npm install again, or point CHROMIUM_PATH at a Chromium (Debian: apt-get install chromium; CHROMIUM_PATH=/usr/bin/chromium).',
    );
  }
}

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

/** The NSS libraries the package ships for systems without them (packed for Amazon Linux; plain ELF libraries). */
function unpackLibraries(bin: string): string {
  const dir = join(tmpdir(), 'exchange-graph-chromium-libs');
  if (existsSync(join(dir, 'lib'))) return join(dir, 'lib');
  mkdirSync(dir, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))) });
  if (untar.status !== 0) throw new Error(`tar could not unpack al2023.tar.br: ${untar.stderr.toString().trim()}`);
  return join(dir, 'lib');
}

export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const binary = await chromiumBinary();
  const profile = mkdtempSync(join(tmpdir(), 'exchange-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: binary.path,
    env: { ...process.env, ...binary.env },
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
