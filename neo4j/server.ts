// Launches the bundled Neo4j Community server (Neo4j's own entry point, org.neo4j.server.CommunityEntryPoint,
// with neo4j/neo4j.conf) on 127.0.0.1, waits until Bolt answers a query, and stops it cleanly with SIGTERM.
// One data folder holds everything of one instance: data/ (the store), logs/, and launcher.json, the pid file
// this launcher uses to find a server it (or a crashed earlier run) left running on that folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureNeo4jInstalled, libDir, neo4jDir } from './install.ts';
import { statCpuSeconds } from './proc-stat.ts';

export const DEFAULT_PORT = 7687;
export const DEFAULT_USER = 'neo4j';
/** Password of user `neo4j` in a new bundled database when NEO4J_PASSWORD is unset (Neo4j wants >= 8 chars). */
export const DEFAULT_PASSWORD = 'exchange-graph';
export const DEFAULT_DATA_DIR = resolve(neo4jDir, '..', '.neo4j', 'data');

export interface BundledNeo4jOptions {
  port?: number;
  dataDir?: string;
  /** Password of user neo4j; set at the first start of a data folder and checked at every later one. */
  password?: string;
  /** JVM heap (-Xmx), e.g. "512m". */
  heap?: string;
  /** server.memory.pagecache.size, e.g. "128m" (neo4j.conf has the default). */
  pageCache?: string;
  /** Keep running after this process exits (npm run db:start); stop() still stops it. */
  detached?: boolean;
  timeoutMs?: number;
  /** Where the one "ready" line (and notes such as "stopped a stale server") go. */
  log?: (line: string) => void;
  /** Extra JVM flags, in place of the class archive's. */
  jvmFlags?: string[];
  /** Restart the server when it dies (default: yes, unless detached). */
  supervise?: boolean;
}

export interface BundledNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The running server's pid (a new one after a restart). */
  readonly pid: number;
  dataDir: string;
  /** Launch to Bolt-ready, in ms; 0 when an already running server (npm run db:start) was reused. */
  startupMs: number;
  stop(): Promise<void>;
}

interface PidRecord {
  pid: number;
  port: number;
  detached: boolean;
  ownerPid: number;
}

const pidFileOf = (dataDir: string) => join(dataDir, 'launcher.json');

export function readPidRecord(dataDir: string): PidRecord | null {
  try {
    return JSON.parse(readFileSync(pidFileOf(dataDir), 'utf8')) as PidRecord;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is `pid` a Neo4j server on `dataDir` (and not a recycled pid)? Without /proc (macOS) trust the pid. */
export function isNeo4jOn(pid: number, dataDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes('org.neo4j.server.CommunityEntryPoint') && cmdline.includes(`--home-dir=${dataDir}`);
  } catch {
    return !existsSync('/proc/self');
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** SIGTERM (Neo4j checkpoints and closes the store), SIGKILL only if it hangs. */
export async function terminate(pid: number, timeoutMs = 60_000): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
}

// Class data sharing: `npm run db:install` starts Neo4j once with -XX:ArchiveClassesAtExit and keeps the
// archive of the classes it loaded (~100 MB in neo4j/lib/); every start maps it instead of loading 200 jars'
// classes again, about half off the cold start. A JVM that cannot use it (another Java version) ignores it.
export const classArchive = join(libDir, 'neo4j-classes.jsa');

/** The flag that loads the class archive when `npm run db:install` made one (the default of jvmFlags). */
export const classArchiveFlags = (): string[] => (existsSync(classArchive) ? [`-XX:SharedArchiveFile=${classArchive}`] : []);

/** Starts and stops a throw-away server that writes the class archive, unless there is one. */
export async function buildClassArchive(): Promise<void> {
  if (existsSync(classArchive)) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'exchange-graph-class-archive-'));
  const partial = `${classArchive}.${process.pid}.partial`;
  try {
    const server = await startBundledNeo4j({
      port: await freePort(), dataDir, heap: '512m', log: () => {}, jvmFlags: [`-XX:ArchiveClassesAtExit=${partial}`],
    });
    await server.stop();
    if (!existsSync(partial)) throw new Error('the JVM wrote no class archive');
    renameSync(partial, classArchive);
  } finally {
    rmSync(partial, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portIsTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

export function neo4jVersion(): string {
  const jar = readdirSync(libDir).find((f) => /^neo4j-5\.\d+\.\d+\.jar$/.test(f));
  return jar ? jar.slice('neo4j-'.length, -'.jar'.length) : 'unknown';
}

const megabytes = (size: string) => {
  const match = /^(\d+)([kmg])$/i.exec(size);
  if (!match) throw new Error(`"${size}" is not a JVM memory size like 512m or 1g.`);
  return Number(match[1]) * { k: 1 / 1024, m: 1, g: 1024 }[match[2]!.toLowerCase() as 'k' | 'm' | 'g'];
};

/**
 * The server's collector and inlining limits. On 2 cores G1's concurrent threads and write barriers cost more
 * than they save: with the serial collector a fresh server wrote the bench's first 3,000 articles on 4–11 %
 * less CPU (GC, the JIT compiling smaller code, the Bolt worker running it). Inlining less again (limits
 * lowered from 1000, 100, 35 and 15) took the JIT's CPU over those articles from ~19 to ~14 s with the serial
 * collector, 15–18 % less CPU in all, and neither the writes of later batches nor warm reads got slower
 * (docs/benchmarks.md § "Incremental ingest, sixteenth session").
 */
export const SERVER_JVM = ['-XX:+UseSerialGC', '-XX:InlineSmallCode=500', '-XX:FreqInlineSize=50', '-XX:MaxInlineSize=20', '-XX:MaxInlineLevel=6'];
/** The offline import's: G1, whose collections use every core as its stages do, and the fifth session's limits. */
export const IMPORT_JVM = ['-XX:+UseG1GC', '-XX:InlineSmallCode=1000', '-XX:FreqInlineSize=100'];

export const jvmFlags = (heap: string, own: string[]) => [
  `-Xmx${heap}`,
  // Start small and grow: without -Xms the JVM commits 1/64 of the machine's memory up front.
  `-Xms${Math.min(128, megabytes(heap))}m`,
  // Only errors from the JVM's own logging (archiving at exit warns about every class it skips).
  '-Xlog:disable',
  '-Xlog:all=error:stderr',
  ...own,
  // Cheaper C2 compilations: a fresh server's JIT spends about half of its CPU over the first few thousand
  // articles compiling Neo4j. Without escape analysis and with less inlining of large or already compiled
  // methods (the limits in SERVER_JVM and IMPORT_JVM) it spent a third less (27.8 -> 18.3 s over 2,000
  // articles) and the writes and reads did not get slower (docs/benchmarks.md, § Ingest: where Neo4j's CPU goes).
  '-XX:-DoEscapeAnalysis',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  // The module opens Neo4j's own wrapper passes; plain `java` needs them too.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

/** First start of a data folder: give user neo4j its password (Neo4j's documented `dbms set-initial-password`). */
function setInitialPassword(dataDir: string, password: string): void {
  if (existsSync(join(dataDir, 'data', 'databases', 'system')) || existsSync(join(dataDir, 'data', 'dbms', 'auth.ini'))) {
    return;
  }
  const result = spawnSync(
    'java',
    ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', join(libDir, '*'), 'org.neo4j.cli.AdminTool',
      'dbms', 'set-initial-password', password],
    { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: neo4jDir }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`could not set the initial Neo4j password: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
  }
}

/** The last lines Neo4j printed, for error messages. */
class OutputTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly file?: string) {}
  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > 60) this.lines = this.lines.slice(-60);
  }
  toString(): string {
    const lines = this.file && existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n') : [...this.lines, this.partial];
    const wanted = lines.filter((l) => l.trim() !== '').slice(-15);
    return wanted.length ? `\n  ${wanted.join('\n  ')}` : ' (it printed nothing)';
  }
}

async function stopStaleServer(dataDir: string, log: (line: string) => void): Promise<PidRecord | null> {
  const record = readPidRecord(dataDir);
  if (!record) return null;
  if (!isNeo4jOn(record.pid, dataDir)) {
    rmSync(pidFileOf(dataDir), { force: true });
    return null;
  }
  if (record.detached) return record;
  if (record.ownerPid !== process.pid && isAlive(record.ownerPid)) {
    throw new Error(
      `the Neo4j data folder ${dataDir} is in use by Neo4j (pid ${record.pid}), started by process ${record.ownerPid}; ` +
        'stop that process first, or use another data folder.',
    );
  }
  log(`Stopping a Neo4j (pid ${record.pid}) left running on ${dataDir} by an earlier run...`);
  await terminate(record.pid);
  rmSync(pidFileOf(dataDir), { force: true });
  return null;
}

/** Polls Bolt with a real query until it answers; a wrong password fails at once. */
async function waitUntilReady(
  uri: string, user: string, password: string, exited: () => string | null, deadline: number,
): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 0,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    for (;;) {
      const exit = exited();
      if (exit) throw new Error(exit);
      try {
        await driver.executeQuery('RETURN 1');
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (code.startsWith('Neo.ClientError.Security')) {
          throw new Error(
            `Neo4j is up but refused user "${user}": ${(error as Error).message.split('\n')[0]} ` +
              'The data folder keeps the password of its first start: set NEO4J_PASSWORD to that password, or delete the data folder.',
          );
        }
      }
      if (Date.now() > deadline) throw new Error('timeout');
      await sleep(200);
    }
  } finally {
    await driver.close();
  }
}

export async function startBundledNeo4j(opts: BundledNeo4jOptions = {}): Promise<BundledNeo4j> {
  const port = opts.port ?? DEFAULT_PORT;
  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const password = opts.password ?? DEFAULT_PASSWORD;
  const user = DEFAULT_USER;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const log = opts.log ?? ((line: string) => console.log(line));

  ensureNeo4jInstalled();
  mkdirSync(dataDir, { recursive: true });

  const running = await stopStaleServer(dataDir, log);
  if (running) {
    const uri = `bolt://127.0.0.1:${running.port}`;
    await waitUntilReady(uri, user, password, () => null, Date.now() + 10_000);
    log(`Neo4j already running on ${uri} (pid ${running.pid}, started by npm run db:start); using it.`);
    return { uri, user, password, pid: running.pid, dataDir, startupMs: 0, stop: async () => {} };
  }

  if (password.length < 8) throw new Error('the Neo4j password must have at least 8 characters.');
  if (await portIsTaken(port)) {
    throw new Error(
      `port ${port} on 127.0.0.1 is already in use, so the bundled Neo4j cannot listen there. ` +
        'Set NEO4J_PORT to a free port, or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use the server that is running.',
    );
  }
  setInitialPassword(dataDir, password);

  const args = [
    ...jvmFlags(opts.heap ?? '512m', SERVER_JVM),
    '-cp', join(libDir, '*'),
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${dataDir}`,
    `--config-dir=${neo4jDir}`,
    '--console-mode',
    '-c', `server.bolt.listen_address=127.0.0.1:${port}`,
    ...(opts.pageCache ? ['-c', `server.memory.pagecache.size=${opts.pageCache}`] : []),
  ];

  const archiveFlags = opts.jvmFlags ?? classArchiveFlags();
  const spec: LaunchSpec = { args: [...archiveFlags, ...args], port, dataDir, user, password, timeoutMs, detached: !!opts.detached };
  const uri = `bolt://127.0.0.1:${port}`;
  let current = await launchUntilReady(spec);
  log(`Neo4j ${neo4jVersion()} ready on ${uri} (pid ${current.pid}, data ${dataDir}, ${(current.startupMs / 1000).toFixed(1)} s)`);
  if (opts.detached) {
    current.child.unref();
    return { uri, user, password, pid: current.pid, dataDir, startupMs: current.startupMs, stop: () => stopLaunched(current, dataDir) };
  }

  const supervisor = opts.supervise === false ? null : superviseRestarts(spec, current, log, (next) => (current = next));
  let stopping: Promise<void> | null = null;
  return {
    uri, user, password, dataDir, startupMs: current.startupMs,
    get pid() {
      return current.pid;
    },
    stop() {
      stopping ??= (async () => {
        await supervisor?.stop();
        await stopLaunched(current, dataDir);
      })();
      return stopping;
    },
  };
}

interface LaunchSpec {
  args: string[];
  port: number;
  dataDir: string;
  user: string;
  password: string;
  timeoutMs: number;
  detached: boolean;
}

interface Launched {
  pid: number;
  child: ChildProcess;
  startupMs: number;
  /** Sends Neo4j SIGTERM if this process exits without stopping it; removed by stopLaunched. */
  killOnExit: () => void;
}

/** Spawns the JVM, records its pid in the data folder and waits until Bolt answers a query. */
async function launchUntilReady(spec: LaunchSpec): Promise<Launched> {
  const { dataDir, port, timeoutMs } = spec;
  // If this process dies without stopping Neo4j (SIGKILL, a crash), the kernel sends Neo4j SIGTERM
  // (setpriv --pdeathsig, util-linux), so no orphan keeps running and holding the store lock.
  const [command, ...prefix] = !spec.detached && existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', '--pdeathsig', 'SIGTERM', '--', 'java']
    : ['java'];
  const started = Date.now();
  let child: ChildProcess;
  let tail: OutputTail;
  if (spec.detached) {
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    const consoleLog = join(dataDir, 'logs', 'console.log');
    const fd = openSync(consoleLog, 'w');
    child = spawn(command!, [...prefix, ...spec.args], { cwd: dataDir, detached: true, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    tail = new OutputTail(consoleLog);
  } else {
    child = spawn(command!, [...prefix, ...spec.args], { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
    tail = new OutputTail();
    child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk));
  }
  let exitNote: string | null = null;
  child.once('error', (error) => (exitNote = `could not run java: ${error.message}`));
  child.once('exit', (code, signal) => (exitNote = `Neo4j exited (${signal ?? `code ${code}`}) before it was ready.`));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start java (is it installed and on PATH?).');

  const record: PidRecord = { pid, port, detached: spec.detached, ownerPid: process.pid };
  writeFileSync(pidFileOf(dataDir), JSON.stringify(record));
  // If this process ends without stop() (an uncaught error, process.exit), do not leave Neo4j behind.
  const killOnExit = () => {
    if (isAlive(pid)) process.kill(pid, 'SIGTERM');
  };
  if (!spec.detached) process.once('exit', killOnExit);

  const uri = `bolt://127.0.0.1:${port}`;
  try {
    await waitUntilReady(uri, spec.user, spec.password, () => exitNote, started + timeoutMs);
  } catch (error) {
    if (!exitNote) await terminate(pid, 20_000);
    rmSync(pidFileOf(dataDir), { force: true });
    process.removeListener('exit', killOnExit);
    const reason = (error as Error).message === 'timeout'
      ? `Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s.`
      : (error as Error).message;
    throw new Error(`${reason} Data folder: ${dataDir}. Last lines of its output:${tail.toString()}`);
  }
  return { pid, child, startupMs: Date.now() - started, killOnExit };
}

async function stopLaunched(launched: Launched, dataDir: string): Promise<void> {
  process.removeListener('exit', launched.killOnExit);
  await terminate(launched.pid);
  if (readPidRecord(dataDir)?.pid === launched.pid) rmSync(pidFileOf(dataDir), { force: true });
}

/** First wait before restarting a server that died; doubled after each death or failed start, up to the most. */
const RESTART_DELAY_MS = { first: 1_000, most: 30_000 };
/** A server up this long is healthy again: the next death waits the first delay again. */
const STABLE_AFTER_MS = 60_000;

/**
 * Restarts the server whenever it dies (killed, out of memory, crashed), with backoff, logging each
 * death and restart. Clients reconnect by themselves: the port stays the same.
 */
function superviseRestarts(spec: LaunchSpec, first: Launched, log: (line: string) => void, replaced: (next: Launched) => void): { stop(): Promise<void> } {
  let stopped = false;
  let delay = RESTART_DELAY_MS.first;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> = Promise.resolve();

  const watch = (launched: Launched) => {
    const since = Date.now();
    launched.child.once('exit', (code, signal) => {
      if (stopped) return;
      process.removeListener('exit', launched.killOnExit);
      if (Date.now() - since > STABLE_AFTER_MS) delay = RESTART_DELAY_MS.first;
      log(`Neo4j (pid ${launched.pid}) died (${signal ?? `exit code ${code}`}); restarting in ${delay / 1000} s`);
      schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(() => {
      restarting = restart();
    }, delay);
    delay = Math.min(delay * 2, RESTART_DELAY_MS.most);
  };
  const restart = async () => {
    try {
      const next = await launchUntilReady(spec);
      if (stopped) return void (await stopLaunched(next, spec.dataDir));
      replaced(next);
      log(`Neo4j restarted (pid ${next.pid}, ${(next.startupMs / 1000).toFixed(1)} s)`);
      watch(next);
    } catch (error) {
      if (stopped) return;
      log(`Neo4j did not restart: ${(error as Error).message.split('\n')[0]}; trying again in ${delay / 1000} s`);
      schedule();
    }
  };

  watch(first);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await restarting;
    },
  };
}

/** Stops the server recorded in a data folder's pid file (npm run db:stop). Returns its pid, or null if none ran. */
export async function stopBundledNeo4j(dataDir = DEFAULT_DATA_DIR): Promise<number | null> {
  const record = readPidRecord(resolve(dataDir));
  if (!record) return null;
  const running = isNeo4jOn(record.pid, resolve(dataDir));
  if (running) await terminate(record.pid);
  rmSync(pidFileOf(resolve(dataDir)), { force: true });
  return running ? record.pid : null;
}

/** Resident memory of a process in MiB (Linux /proc): all of it, anonymous (heap, page cache, JIT), and
 *  file-backed (mapped jars and the shared class archive), or null where /proc is not available. */
export function residentMemoryMiB(pid: number): { rss: number; anon: number; file: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    const mib = (value: number) => Math.round(value / 1024);
    return { rss: mib(kb('VmRSS')), anon: mib(kb('RssAnon')), file: mib(kb('RssFile') + kb('RssShmem')) };
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc; 100 ticks a second), or null. */
export const cpuSeconds = (pid: number): number | null => statCpuSeconds(`/proc/${pid}/stat`);
