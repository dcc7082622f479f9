// The project open on the dashboard. Its parts (details, gate, checklist, people) write through
// the API and then reload the whole project, so progress, timeline and every panel always show
// what the database holds, in one consistent state.
import { create } from 'zustand';
import type { ProjectDetail } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import { api } from '../api/client.ts';
import { newestWins } from './newest-wins.ts';

interface OpenProject {
  id: string | null;
  detail: ProjectDetail | null;
  missing: boolean;
  open: (id: string) => Promise<void>;
  refresh: () => Promise<void>;
}

/** Every write reloads the project: the reload sent last shows, whichever answer comes back last. */
const inOrder = newestWins();

export const useOpenProject = create<OpenProject>()((set, get) => ({
  id: null,
  detail: null,
  missing: false,
  async open(id) {
    if (get().id !== id) set({ id, detail: null, missing: false });
    await get().refresh();
  },
  async refresh() {
    const id = get().id;
    if (!id) return;
    try {
      await inOrder(
        () => api('projects.get', { id }),
        (detail) => {
          // Only if the user has not opened another project meanwhile.
          if (get().id === id) set({ detail, missing: false });
        },
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') set({ detail: null, missing: true });
      else throw error;
    }
  },
}));

/** Saves through the API, then reloads the open project. */
export async function writeAndRefresh<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await useOpenProject.getState().refresh();
  return result;
}
