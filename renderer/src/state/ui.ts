// UI state that is not project data: the language, where the user is (kept in the URL hash so a
// reload stays on the same screen), and the last error that no form field can show.
import { create } from 'zustand';
import { isLanguage, type Language } from '../../../shared/i18n/index.ts';
import { failureText } from '../components/error-text.ts';
import { parseRoute, routeHash, type Route } from './route.ts';

export type { Route };

const LANGUAGE_KEY = 'fieldbook.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (isLanguage(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

interface UiState {
  language: Language;
  route: Route;
  notice: string | null;
  setLanguage: (language: Language) => void;
  navigate: (route: Route) => void;
  showNotice: (message: string) => void;
  dismissNotice: () => void;
}

export const useUi = create<UiState>()((set) => ({
  language: initialLanguage(),
  route: parseRoute(window.location.hash),
  notice: null,
  setLanguage(language) {
    localStorage.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
  navigate(route) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  showNotice(message) {
    set({ notice: message });
  },
  dismissNotice() {
    set({ notice: null });
  },
}));

// Back and forward buttons, and links written as plain hrefs.
window.addEventListener('hashchange', () => useUi.setState({ route: parseRoute(window.location.hash) }));

/** Runs a one-off action (a button, not a field); a failure shows in the notice line. */
export async function reportFailure(action: Promise<unknown>): Promise<boolean> {
  try {
    await action;
    return true;
  } catch (error) {
    useUi.getState().showNotice(failureText(error, useUi.getState().language));
    return false;
  }
}
