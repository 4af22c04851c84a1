// Piscina loads this plain module in each pool thread; it registers tsx there (a worker thread
// does not inherit the main thread's loader, nor vitest's) and hands over the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { extractWithinBudget } = await import('./extraction-task.ts');
export default extractWithinBudget;
