// CPU time from Linux /proc: of a process (/proc/PID/stat) or of the calling thread
// (/proc/thread-self/stat), so a worker thread can say what its own work cost.
import { readFileSync } from 'node:fs';

/** User + system CPU seconds in a /proc stat file (100 ticks a second), or null where there is none. */
export function statCpuSeconds(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds the calling thread (main or worker) has used so far, or null off Linux. */
export const threadCpuSeconds = () => statCpuSeconds('/proc/thread-self/stat');
