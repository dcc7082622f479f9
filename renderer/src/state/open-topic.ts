// The workshop topic open on screen. Answers save through answers.set, which answers with the
// whole topic (completeness and shown fields change with every answer); other writes reload it.
import { create } from 'zustand';
import type { TopicDetail } from '../../../shared/workshops/types.ts';
import type { AnswerValue } from '../../../shared/workshops/answers.ts';
import { api } from '../api/client.ts';
import { newestWins } from './newest-wins.ts';

interface OpenTopic {
  projectId: string | null;
  topicKey: string | null;
  detail: TopicDetail | null;
  open: (projectId: string, topicKey: string) => Promise<void>;
  refresh: () => Promise<void>;
  /** Saves one answer; answers.set replies with the whole topic, which then shows at once. */
  saveAnswer: (sessionId: string, field: string, value: AnswerValue) => Promise<void>;
}

/** Reloads and saved answers both bring the whole topic: the newest request's answer shows. */
const inOrder = newestWins();

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
    await inOrder(
      () => api('workshops.topic', { projectId, topicKey }),
      (detail) => {
        if (get().projectId === projectId && get().topicKey === topicKey) set({ detail });
      },
    );
  },
  async saveAnswer(sessionId, field, value) {
    await inOrder(
      () => api('answers.set', { sessionId, field, value }),
      (detail) => {
        if (get().topicKey === detail.topic.key) set({ detail });
      },
    );
  },
}));

/** Writes through the API, then reloads the open topic. */
export async function writeTopic<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await useOpenTopic.getState().refresh();
  return result;
}

export const saveAnswer = (sessionId: string, field: string, value: AnswerValue): Promise<void> =>
  useOpenTopic.getState().saveAnswer(sessionId, field, value);
