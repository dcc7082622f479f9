// Quick entry keeps its last choices per project (who books, on what, billable or not), so that
// the next booking of the day is the hours and nothing else. Kept in this browser's storage: they
// are a convenience of this screen, not project data.
import { useCallback, useState } from 'react';

export interface Choices {
  personId: string;
  target: string;
  billable: boolean;
}

const keyOf = (projectId: string) => `fieldbook.time.${projectId}`;

function read(projectId: string): Partial<Choices> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(keyOf(projectId)) ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    // What another version of the screen stored may not fit: only values of the right type count.
    const { personId, target, billable } = value as Record<string, unknown>;
    return {
      ...(typeof personId === 'string' ? { personId } : {}),
      ...(typeof target === 'string' ? { target } : {}),
      ...(typeof billable === 'boolean' ? { billable } : {}),
    };
  } catch {
    return {};
  }
}

export function useLastChoices(projectId: string): [Partial<Choices>, (choices: Choices) => void] {
  const [choices, setChoices] = useState(() => read(projectId));
  const remember = useCallback(
    (next: Choices) => {
      localStorage.setItem(keyOf(projectId), JSON.stringify(next));
      setChoices(next);
    },
    [projectId],
  );
  return [choices, remember];
}
