// Every sentence the implementation concept can write from the bundled pack, with every option and
// typical values, in English and German, read as a customer would: no words of the other language,
// no unit written twice, the right plural, no capital in the middle of a sentence where the word
// is not a name, and numbers only in the language's own format. The sizing's written-out steps
// and result are read the same way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n/index.ts';
import { formatQuantity, UNITS } from '../../shared/quantity.ts';
import type { AnswerValue } from '../../shared/workshops/answers.ts';
import { answerText, statementOf } from '../../shared/workshops/answer-text.ts';
import type { PackField } from '../../shared/workshops/pack.ts';
import { checkPack } from '../../shared/workshops/validate-pack.ts';
import { computeSizing, defaultSizingInput, describeMachines, ASSUMPTIONS } from '../../shared/workshops/sizing.ts';

const checked = checkPack(readFileSync(new URL('../../resources/packs/ox-app-suite.json', import.meta.url), 'utf8'));
if (!checked.ok) throw new Error(`The bundled pack does not pass its checks: ${JSON.stringify(checked.problems)}`);
const pack = checked.pack;
const names = new Map([['p1', 'Jonas Weber']]);

/** Words only the other language uses, as they would leak into a sentence (units, small words). */
const FOREIGN: Record<Language, RegExp> = {
  de: /\b(the|and|is|are|of|with|mailbox(es)?|sessions?|connections?|contexts?|nodes?|cores?|users?|accounts?|messages?|hours?|minutes?|seconds?|milliseconds?|share|servers)\b/i,
  en: /\b(und|oder|der|die|das|ist|mit|je|Postf(ach|ächer)|Sitzung(en)?|Verbindung(en)?|Kontexte?|Knoten|Kerne?|Benutzer|Konten|Nachrichten|Stunden?|Minuten?|Sekunden?|Anteil)\b/,
};

/** Counted units, singular and plural, written down here independently of quantity.ts. */
const FORMS: Record<Language, [one: string, other: string][]> = {
  en: [['mailbox', 'mailboxes'], ['session', 'sessions'], ['node', 'nodes'], ['core', 'cores'], ['context', 'contexts'], ['user', 'users'], ['connection', 'connections'], ['account', 'accounts'], ['message', 'messages'], ['hour', 'hours'], ['minute', 'minutes'], ['second', 'seconds']],
  de: [['Postfach', 'Postfächer'], ['Sitzung', 'Sitzungen'], ['Kern', 'Kerne'], ['Kontext', 'Kontexte'], ['Verbindung', 'Verbindungen'], ['Konto', 'Konten'], ['Nachricht', 'Nachrichten'], ['Stunde', 'Stunden'], ['Minute', 'Minuten'], ['Sekunde', 'Sekunden']],
};

/** A number written the other language's way: 1,500 or 2.5 in German, 1.500 or 2,5 in English. */
const FOREIGN_NUMBER: Record<Language, RegExp> = {
  de: /\d,\d{3}(?!\d)|\d\.\d{1,2}(?![\d.])/,
  en: /\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)/,
};

/** Words that may stand capitalised inside an English sentence: names of products, protocols, languages. */
const ENGLISH_NAMES = new Set(
  'IMAP LDAP SAML OpenID Connect RMI SOAP HTTP CSV NFS GlusterFS S3-compatible Munin Nagios Prometheus JMX Jolokia GB Galera Percona XtraDB Cluster Master-slave Master-master German English French Spanish Italian Dutch Polish (US) (UK) Dovecot Cyrus Courier IDLE Horde @Mail SquirrelMail Outlook PST Exchange iCal vCard Drive Documents Apache VPN SSH PIM Webmail TLS CalDAV CardDAV SpamAssassin SpamExperts Cloudmark JSESSIONID (preferred) IP URL'.split(' '),
);
/** German words that are never capitalised inside a sentence (prepositions, articles, adjectives the labels begin with). */
const GERMAN_LOWER = /^(am|an|auf|aus|im|in|je|per|über|mit|ein|eine|einen|einem|der|die|das|dem|den|lokale|andere|anderer|anderes|keiner|keine|nichts|eigene|eigenes|eigener|vorhanden|neu|zu|wie|statische|mobile|manuell|alle|mehr|verkleinerter|synthetisch|anonymisierte|deaktiviert|externes|eingebetteter|nur)$/i;

function problemsOf(text: string, language: Language, inserted: string | null): string[] {
  const problems: string[] = [];
  const foreign = FOREIGN[language].exec(text);
  if (foreign) problems.push(`"${foreign[0]}" is not ${language === 'de' ? 'German' : 'English'}`);
  const doubled = /\b(\p{L}+) \1\b/iu.exec(text);
  if (doubled) problems.push(`"${doubled[0]}" says a word twice`);
  for (const [one, other] of FORMS[language]) {
    if (one === other) continue;
    if (new RegExp(`(^|[^\\d.,])1 ${other}\\b`).test(text)) problems.push(`"1 ${other}" should be singular`);
    const plural = new RegExp(`(\\d*[02-9]|\\d{2,}) ${one}\\b`).exec(text);
    if (plural) problems.push(`"${plural[0]}" should be plural`);
  }
  const number = FOREIGN_NUMBER[language].exec(text);
  if (number) problems.push(`"${number[0]}" is a number in the other language's format`);
  if (inserted) {
    const at = text.indexOf(inserted);
    const before = text.slice(0, Math.max(at, 0)).trimEnd();
    const startsSentence = at <= 0 || /[.!?]$/.test(before);
    const afterColon = before.endsWith(':');
    const words = inserted.split(/\s+/);
    words.forEach((word, i) => {
      if (i === 0 && (startsSentence || afterColon)) return;
      if (language === 'en' && /^\p{Lu}/u.test(word) && !ENGLISH_NAMES.has(word.replace(/[,.]$/, ''))) problems.push(`"${word}" has a capital inside the sentence`);
      if (language === 'de' && i === 0 && /^\p{Lu}/u.test(word) && GERMAN_LOWER.test(word)) problems.push(`"${word}" has a capital inside the sentence`);
    });
  }
  return problems;
}

/** Typical answers for a field: every option, every count that changes the wording. */
function typicalValues(field: PackField): AnswerValue[] {
  switch (field.type) {
    case 'number':
      if (field.unit === 'ms') return [1_000, 90_000, 1_800_000, 7_200_000];
      return [0, 1, 2, 1_500, 500_000, ...(field.integer ? [] : [2.5])];
    case 'select':
      return field.options.map((o) => o.value);
    case 'multi':
      return [...field.options.map((o) => [o.value]), field.options.map((o) => o.value)];
    case 'bool':
      return [true, false];
    case 'hostlist':
      return [['mx1.example.org'], ['mx1.example.org', 'mx2.example.org']];
    case 'capabilities':
      return [['IMAP4rev1', 'SORT', 'IDLE']];
    case 'date':
      return ['2026-12-01'];
    case 'person':
      return ['p1'];
    case 'text':
    case 'longtext':
      return ['mail.example.org'];
    case 'table':
    case 'image':
      return [];
  }
}

describe('the concept in words', () => {
  const fields = pack.topics.flatMap((topic) => topic.fields.filter((f) => f.statement || (f.type === 'select' && f.options.some((o) => o.statement))).map((field) => ({ topic, field })));

  it('covers the statements of the bundled pack', () => {
    expect(fields.length).toBeGreaterThan(80);
  });

  for (const language of ['en', 'de'] as const) {
    it(`every statement with every option and typical values reads as ${language === 'en' ? 'English' : 'German'}`, () => {
      const problems: string[] = [];
      for (const { topic, field } of fields) {
        for (const value of typicalValues(field)) {
          const sentence = statementOf(field, value, language, names);
          if (sentence === null) continue;
          const inserted = field.type === 'select' || field.type === 'multi' ? answerText(field, value, language, names, true) : null;
          for (const p of problemsOf(sentence, language, inserted)) problems.push(`${topic.key}.${field.key} = ${JSON.stringify(value)}: ${sentence} — ${p}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it(`the sizing's steps, result and assumptions read as ${language === 'en' ? 'English' : 'German'}`, () => {
      const input = defaultSizingInput();
      input.accountTypes[0]!.mailboxes = 480_000;
      input.accountTypes[1]!.mailboxes = 15_000;
      input.features.mobileSync = true;
      const result = computeSizing(input);
      const texts = [
        ...result.steps.flatMap((s) => [s.label[language], s.formula[language], s.value[language]]),
        describeMachines(result.middleware.nodes, result.middleware.ramGb, result.middleware.cores, language),
        describeMachines(1, 16, 1, language),
        ...ASSUMPTIONS.map((a) => formatQuantity(input.assumptions[a.key], a.unit, language)),
      ];
      const problems = texts.flatMap((text) => problemsOf(text, language, null).map((p) => `${text} — ${p}`));
      expect(problems).toEqual([]);
    });
  }

  it('the checks catch what the review found', () => {
    expect(problemsOf('Die Middleware läuft auf 2 nodes.', 'de', null)).not.toEqual([]);
    expect(problemsOf('A user may have at most 20 sessions sessions.', 'en', null)).not.toEqual([]);
    expect(problemsOf('The middleware runs on 1 nodes.', 'en', null)).not.toEqual([]);
    expect(problemsOf('Ein Benutzer darf höchstens 20 Sitzungen Sitzungen haben.', 'de', null)).not.toEqual([]);
    expect(problemsOf('TLS endet Am Loadbalancer.', 'de', 'Am Loadbalancer')).not.toEqual([]);
    expect(problemsOf('TLS ends On the load balancer.', 'en', 'On the load balancer')).not.toEqual([]);
    expect(problemsOf('Mehrlast × 1.2', 'de', null)).not.toEqual([]);
    expect(problemsOf('Er fasst 42.4 GB.', 'de', null)).not.toEqual([]);
    expect(problemsOf('It holds 500.000 mailboxes.', 'en', null)).not.toEqual([]);
    expect(problemsOf('Die Middleware läuft auf 2 Knoten.', 'de', null)).toEqual([]);
  });
});

describe('quantities', () => {
  it('write every unit in both languages, singular and plural', () => {
    const shown = UNITS.map((unit) => [unit, formatQuantity(1, unit, 'en'), formatQuantity(1, unit, 'de'), formatQuantity(1_500, unit, 'en'), formatQuantity(1_500, unit, 'de')]);
    expect(shown).toContainEqual(['mailboxes', '1 mailbox', '1 Postfach', '1,500 mailboxes', '1.500 Postfächer']);
    expect(shown).toContainEqual(['ms', '1 millisecond', '1 Millisekunde', '1.5 seconds', '1,5 Sekunden']);
    expect(formatQuantity(7_200_000, 'ms', 'en')).toBe('2 hours');
    expect(formatQuantity(0.75, 'share', 'de')).toBe('75\u00a0%');
    expect(formatQuantity(1.2, 'factor', 'de')).toBe('× 1,2');
    expect(formatQuantity(42.4, 'GB', 'de')).toBe('42,4\u00a0GB');
  });
});
