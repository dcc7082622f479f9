// The workshop topic open on screen. Answers save through answers.set, which answers with the
// whole topic (completeness and shown fields change with every answer); other writes reload it.
import { create } from 'zustand';
import type { TopicDetail } from '../../../shared/workshops/types.ts';
import { api } from '../api/client.ts';

interface OpenTopic {
  projectId: string | null;
  topicKey: string | null;
  detail: TopicDetail | null;
  open(projectId: string, topicKey: string): Promise<void>;
  refresh(): Promise<void>;
  show(detail: TopicDetail): void;
}

export const useOpenTopic = create<OpenTopic>()((set, get) => ({
  projectId: null,
  topicKey: null,
  detail: null,
  async open(projectId, topicKey) {
    if (get().projectId !== projectId || get().topicKey !== topicKey) set({ projectId, topicKey, detail: null });
    await get().refresh();
  },
  async refresh() {
    const { projectId, topicKey } = get();
    if (!projectId || !topicKey) return;
    const detail = await api('workshops.topic', { projectId, topicKey });
    if (get().projectId === projectId && get().topicKey === topicKey) set({ detail });
  },
  show(detail) {
    if (get().topicKey === detail.topic.key) set({ detail });
  },
}));

/** Writes through the API, then reloads the open topic. */
export async function writeTopic<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await useOpenTopic.getState().refresh();
  return result;
}
