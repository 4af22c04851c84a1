// The bundled Neo4j launcher and the connection's error messages, against real processes and sockets.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectNeo4j } from '../../api/store/neo4j.ts';
import { readPidRecord, startBundledNeo4j } from '../../neo4j/server.ts';
import { freePort } from '../support/neo4j.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-graph-launcher-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('bundled Neo4j launcher', () => {
  it('restarts on the same data folder with the data intact', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const options = { port, dataDir, password: 'restart-password', heap: '384m', pageCache: '32m', log: () => {} };

    const first = await startBundledNeo4j(options);
    try {
      const conn = await connectNeo4j({ env: { NEO4J_URI: first.uri, NEO4J_USER: first.user, NEO4J_PASSWORD: first.password } });
      await conn.driver.executeQuery("CREATE (:Entity:City {id: 'city:sasebo-jp', name: 'Sasebo', aliases: ['Sasebo City']})");
      await conn.close();
    } finally {
      await first.stop();
    }
    expect(readPidRecord(dataDir)).toBeNull();

    const second = await startBundledNeo4j(options);
    try {
      expect(second.pid).not.toBe(first.pid);
      const conn = await connectNeo4j({ env: { NEO4J_URI: second.uri, NEO4J_USER: second.user, NEO4J_PASSWORD: second.password } });
      const { records } = await conn.driver.executeQuery("MATCH (c:City {id: 'city:sasebo-jp'}) RETURN c.name AS name, c.aliases AS aliases");
      await conn.close();
      expect(records.map((r) => r.toObject())).toEqual([{ name: 'Sasebo', aliases: ['Sasebo City'] }]);
    } finally {
      await second.stop();
    }
  });

  it('replaces a server left running by a run that was killed, and keeps its data', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const options = { port, dataDir, password: 'crash-password', heap: '384m', pageCache: '32m' };
    // A separate Node process owns the first server and is then killed with SIGKILL: no cleanup runs,
    // so its Neo4j keeps running and keeps the store locked, as after a crash of `npm start`.
    const owner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { startBundledNeo4j } from ${JSON.stringify(new URL('../../neo4j/server.ts', import.meta.url).href)};
      import neo4j from 'neo4j-driver';
      const server = await startBundledNeo4j(${JSON.stringify({ ...options, log: undefined })});
      const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
      await driver.executeQuery("CREATE (:Entity:Person {id: 'person:daisuke-miyajima', name: 'Daisuke Miyajima'})");
      await driver.close();
      console.log('written');
      setInterval(() => {}, 1000);
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve());
      owner.once('exit', (code) => reject(new Error(`the owner process exited early (${code})`)));
    });
    const orphan = readPidRecord(dataDir)!.pid;
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    expect(() => process.kill(orphan, 0)).not.toThrow();

    const notes: string[] = [];
    const server = await startBundledNeo4j({ ...options, log: (line) => notes.push(line) });
    try {
      expect(notes[0]).toContain(`Stopping a Neo4j (pid ${orphan}) left running on ${dataDir}`);
      expect(() => process.kill(orphan, 0)).toThrow();
      const conn = await connectNeo4j({ env: { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password } });
      const { records } = await conn.driver.executeQuery('MATCH (p:Person) RETURN p.name AS name');
      await conn.close();
      expect(records.map((r) => r.get('name'))).toEqual(['Daisuke Miyajima']);
    } finally {
      await server.stop();
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
