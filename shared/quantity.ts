// A number with its unit, written once per language: "1 mailbox", "500,000 mailboxes",
// "1 Postfach", "500.000 Postfächer", "42.4 GB" / "42,4 GB", "75%" / "75 %", "× 1.2" / "× 1,2",
// "2 hours" / "2 Stunden". Every place that shows a quantity (answers, sentences of the concept,
// the sizing) goes through here, so a unit is never doubled, never left in English and never
// given the wrong plural. Pure: Intl only.
import type { Language } from './i18n/index.ts';

type Forms = { one: string; other: string };

/** Things counted: their names in each language, singular and plural. */
const COUNTED = {
  accounts: { en: { one: 'account', other: 'accounts' }, de: { one: 'Konto', other: 'Konten' } },
  mailboxes: { en: { one: 'mailbox', other: 'mailboxes' }, de: { one: 'Postfach', other: 'Postfächer' } },
  sessions: { en: { one: 'session', other: 'sessions' }, de: { one: 'Sitzung', other: 'Sitzungen' } },
  nodes: { en: { one: 'node', other: 'nodes' }, de: { one: 'Knoten', other: 'Knoten' } },
  servers: { en: { one: 'server', other: 'servers' }, de: { one: 'Server', other: 'Server' } },
  cores: { en: { one: 'core', other: 'cores' }, de: { one: 'Kern', other: 'Kerne' } },
  contexts: { en: { one: 'context', other: 'contexts' }, de: { one: 'Kontext', other: 'Kontexte' } },
  users: { en: { one: 'user', other: 'users' }, de: { one: 'Benutzer', other: 'Benutzer' } },
  testUsers: { en: { one: 'test user', other: 'test users' }, de: { one: 'Testbenutzer', other: 'Testbenutzer' } },
  connections: { en: { one: 'connection', other: 'connections' }, de: { one: 'Verbindung', other: 'Verbindungen' } },
  messages: { en: { one: 'message', other: 'messages' }, de: { one: 'Nachricht', other: 'Nachrichten' } },
} as const satisfies Record<string, Record<Language, Forms>>;

/** Measures Intl writes itself, with the language's symbol and spacing. */
const MEASURED = { MB: 'megabyte', GB: 'gigabyte' } as const;

/**
 * Every unit a quantity can have. `share` is a fraction (0.75) written as a percentage, `factor`
 * a multiplier (× 1.2), `ms` a duration written in the largest unit that keeps it whole.
 */
export const UNITS = [...(Object.keys(COUNTED) as (keyof typeof COUNTED)[]), ...(Object.keys(MEASURED) as (keyof typeof MEASURED)[]), 'share', 'factor', 'ms'] as const;
export type Unit = (typeof UNITS)[number];

/** A plain number in the language's format (thousands and decimal separators), up to `digits` decimals. */
export function formatNumber(value: number, language: Language, digits = 2): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** Durations from milliseconds, largest first: the first unit of which the value is a whole number of hundredths. */
const DURATIONS = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1_000 },
  { unit: 'millisecond', ms: 1 },
] as const;

function formatDuration(ms: number, language: Language): string {
  const fit = DURATIONS.find((d) => Math.abs(ms) >= d.ms && Number.isInteger((ms * 100) / d.ms)) ?? DURATIONS[DURATIONS.length - 1]!;
  return new Intl.NumberFormat(language, { style: 'unit', unit: fit.unit, unitDisplay: 'long', maximumFractionDigits: 2 }).format(ms / fit.ms);
}

/** The quantity as a reader of `language` writes it. */
export function formatQuantity(value: number, unit: Unit, language: Language): string {
  switch (unit) {
    case 'share':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value);
    case 'factor':
      return `× ${formatNumber(value, language)}`;
    case 'ms':
      return formatDuration(value, language);
    case 'MB':
    case 'GB':
      return new Intl.NumberFormat(language, { style: 'unit', unit: MEASURED[unit], unitDisplay: 'short', maximumFractionDigits: 2 }).format(value);
    default: {
      const forms: Forms = COUNTED[unit][language];
      const plural = new Intl.PluralRules(language).select(value) === 'one' ? 'one' : 'other';
      return `${formatNumber(value, language)} ${forms[plural]}`;
    }
  }
}

/** The unit's name beside an input that takes the bare number ("mailboxes", "Postfächer", "%"). */
export function unitName(unit: Unit, language: Language): string {
  switch (unit) {
    case 'share':
      return '%';
    case 'factor':
      return '×';
    case 'ms':
    case 'MB':
    case 'GB':
      return unit;
    default:
      return COUNTED[unit][language].other;
  }
}

/** What an input of this unit shows for a stored value, and back: shares are typed as percentages. */
export const inputScale = (unit: Unit): number => (unit === 'share' ? 100 : 1);
