// The checklist's values as the screen shows them: in the UI language, with the open project's
// people by name (shared/checklist/show.ts does the work, for the documents too).
import { useMemo } from 'react';
import { itemText } from '../../../../shared/checklist/show.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useUi } from '../../state/ui.ts';

export function useItemText() {
  const language = useUi((s) => s.language);
  const members = useOpenProject((s) => s.detail?.members);
  // Stable between renders while language and people stay: the list's filtering and sorting
  // depend on these functions and must not run again on every keystroke elsewhere.
  return useMemo(() => itemText(language, new Map((members ?? []).map((m) => [m.person.id, m.person.name]))), [language, members]);
}
