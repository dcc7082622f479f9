// The checklist of the open project, every item, for the list, the meeting's action items and
// the status call. Writes answer with the changed items, which replace their old copies here:
// with thousands of items a change must not reload them all.
import { create } from 'zustand';
import type { Requirement } from '../../../shared/checklist/types.ts';
import { api } from '../api/client.ts';

interface OpenChecklist {
  projectId: string | null;
  items: Requirement[] | null;
  open: (projectId: string) => Promise<void>;
  reload: () => Promise<void>;
  /** Puts changed or new items in place (by id). */
  put: (changed: readonly Requirement[]) => void;
  drop: (id: string) => void;
}

export const useOpenChecklist = create<OpenChecklist>()((set, get) => ({
  projectId: null,
  items: null,
  async open(projectId) {
    if (get().projectId !== projectId) set({ projectId, items: null });
    await get().reload();
  },
  async reload() {
    const projectId = get().projectId;
    if (!projectId) return;
    const items = await api('requirements.list', { projectId });
    if (get().projectId === projectId) set({ items });
  },
  put(changed) {
    const items = get().items;
    if (!items) return;
    const byId = new Map(changed.map((r) => [r.id, r]));
    const next = items.map((r) => byId.get(r.id) ?? r);
    const known = new Set(items.map((r) => r.id));
    for (const r of changed) if (!known.has(r.id) && r.projectId === get().projectId) next.push(r);
    set({ items: next.sort((a, b) => a.number - b.number) });
  },
  drop(id) {
    set({ items: get().items?.filter((r) => r.id !== id) ?? null });
  },
}));

/** Saves one item and puts the answer in the list. */
export async function saveItem(write: Promise<Requirement | Requirement[]>): Promise<void> {
  const result = await write;
  useOpenChecklist.getState().put(Array.isArray(result) ? result : [result]);
}
