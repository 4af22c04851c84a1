// The bundled Neo4j launcher and the connection's error messages, against real processes and sockets.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectNeo4j } from '../../api/store/neo4j.ts';
import { readPidRecord, startBundledNeo4j, type BundledNeo4j } from '../../neo4j/server.ts';
import { freePort } from '../support/neo4j.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-graph-launcher-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function citiesIn(server: BundledNeo4j) {
  const conn = await connectNeo4j({ env: { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password } });
  try {
    const { records } = await conn.driver.executeQuery('MATCH (c:City) RETURN c.name AS name, c.aliases AS aliases');
    return records.map((r) => r.toObject());
  } finally {
    await conn.close();
  }
}

describe('bundled Neo4j launcher', () => {
  it('stops by itself when the process that started it is killed, and restarts with the data intact', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const options = { port, dataDir, password: 'restart-password', heap: '384m', pageCache: '32m' };
    // A separate Node process owns the first server and is killed with SIGKILL, so none of its cleanup runs.
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { startBundledNeo4j } from ${JSON.stringify(new URL('../../neo4j/server.ts', import.meta.url).href)};
      import neo4j from 'neo4j-driver';
      const server = await startBundledNeo4j(${JSON.stringify(options)});
      const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
      await driver.executeQuery("CREATE (:Entity:City {id: 'city:sasebo-jp', name: 'Sasebo', aliases: ['Sasebo City']})");
      await driver.close();
      console.log('written');
      setInterval(() => {}, 1000);
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve());
      owner.once('exit', (code) => reject(new Error(`the owner process exited early (${code})`)));
    });
    const first = readPidRecord(dataDir)!.pid;
    owner.kill('SIGKILL');
    // A clean shutdown; the first one after an install also writes the class archive, slow on a busy machine.
    await expect.poll(() => isRunning(first), { timeout: 120_000, interval: 200 }).toBe(false);

    const second = await startBundledNeo4j({ ...options, log: () => {} });
    try {
      expect(second.pid).not.toBe(first);
      expect(await citiesIn(second)).toEqual([{ name: 'Sasebo', aliases: ['Sasebo City'] }]);
    } finally {
      await second.stop();
    }
    expect(isRunning(second.pid)).toBe(false);
    expect(readPidRecord(dataDir)).toBeNull();
  });

  it('stops a server that a crashed run left running on the data folder, then starts with the data intact', { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const options = { port, dataDir, password: 'stale-password', heap: '384m', pageCache: '32m', log: () => {} };
    // Started detached, it outlives its owner the way a server does where nothing stops it when its owner dies.
    const stale = await startBundledNeo4j({ ...options, detached: true });
    try {
      const conn = await connectNeo4j({ env: { NEO4J_URI: stale.uri, NEO4J_USER: stale.user, NEO4J_PASSWORD: stale.password } });
      await conn.driver.executeQuery("CREATE (:Entity:City {id: 'city:sasebo-jp', name: 'Sasebo', aliases: ['Sasebo City']})");
      await conn.close();
      const deadOwner = spawnSync(process.execPath, ['-e', '']).pid;
      const record = JSON.parse(readFileSync(join(dataDir, 'launcher.json'), 'utf8'));
      writeFileSync(join(dataDir, 'launcher.json'), JSON.stringify({ ...record, detached: false, ownerPid: deadOwner }));

      const notes: string[] = [];
      const fresh = await startBundledNeo4j({ ...options, log: (line) => notes.push(line) });
      try {
        expect(notes[0]).toBe(`Stopping a Neo4j (pid ${stale.pid}) left running on ${dataDir} by an earlier run...`);
        expect(isRunning(stale.pid)).toBe(false);
        expect(await citiesIn(fresh)).toEqual([{ name: 'Sasebo', aliases: ['Sasebo City'] }]);
      } finally {
        await fresh.stop();
      }
    } finally {
      await stale.stop();
    }
  });

  it('refuses a port that is already taken, saying which and what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startBundledNeo4j({ port, dataDir: tempDir(), log: () => {} })).rejects.toThrow(
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*NEO4J_PORT`),
      );
    } finally {
      blocker.close();
    }
  });
});

describe('connectNeo4j with NEO4J_URI', () => {
  it('says plainly, within a few seconds, that no Neo4j answers at a dead address', async () => {
    const port = await freePort();
    const started = Date.now();
    const attempt = connectNeo4j({ env: { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'whatever1' } });
    await expect(attempt).rejects.toThrow(`no Neo4j answering at bolt://127.0.0.1:${port} (connection refused: nothing listens there)`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names the scheme problem when NEO4J_URI is not a Neo4j address', async () => {
    await expect(connectNeo4j({ env: { NEO4J_URI: 'http://127.0.0.1:7474' } })).rejects.toThrow(
      'NEO4J_URI "http://127.0.0.1:7474" is not a Neo4j address',
    );
  });
});
