// What another process is doing, seen from outside without its help: Linux lists a process's
// threads with their names in /proc, and the thread that renders documents is named. It starts
// with the first document an export renders, after the export has read its data.
import { readdirSync, readFileSync } from 'node:fs';
import { RENDER_THREAD_NAME } from '../../electron/core/worker/render-client.ts';

/** Whether the process runs its render thread now. Linux only. */
export function isRendering(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((task) => readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim() === RENDER_THREAD_NAME);
  } catch {
    return false; // the process, or one of its threads, ended while being looked at
  }
}
