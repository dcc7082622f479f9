// Saving one answer: answers.set replies with the whole topic, which then shows at once.
import type { AnswerValue } from '../../../../shared/workshops/answers.ts';
import { api } from '../../api/client.ts';
import { useOpenTopic } from '../../state/open-topic.ts';

export async function saveAnswer(sessionId: string, field: string, value: AnswerValue): Promise<void> {
  useOpenTopic.getState().show(await api('answers.set', { sessionId, field, value }));
}
