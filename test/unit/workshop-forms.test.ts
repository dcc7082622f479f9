// The form logic every host and the UI share: pack checks, conditions, derived hints, capability
// parsing, answer checks and completeness, on a small pack written for these tests.
import { describe, expect, it } from 'vitest';
import { answerSchema, isAnswered, type Answers } from '../../shared/workshops/answers.ts';
import { parseCapabilities } from '../../shared/workshops/capabilities.ts';
import { percent, topicCompleteness } from '../../shared/workshops/completeness.ts';
import { activeHints, visibleFields } from '../../shared/workshops/conditions.ts';
import type { Pack, PackField, Topic } from '../../shared/workshops/pack.ts';
import { checkPack } from '../../shared/workshops/validate-pack.ts';

const l = (en: string) => ({ en, de: `${en} (de)` });

const IMAP: Topic = {
  key: 'imap',
  phase: 'concept',
  title: l('IMAP'),
  fields: [
    { key: 'server', type: 'select', label: l('Server'), required: true, options: [{ value: 'dovecot', label: l('Dovecot') }, { value: 'other', label: l('Other') }] },
    { key: 'serverOther', type: 'text', label: l('Which server'), required: true, showWhen: { field: 'server', equals: 'other' } },
    { key: 'serverOtherVersion', type: 'text', label: l('Version of it'), showWhen: { field: 'serverOther', isSet: true } },
    { key: 'capabilities', type: 'capabilities', label: l('CAPABILITY'), capabilities: ['IMAP4rev1', 'SORT', 'METADATA', 'SPECIAL-USE'] },
    { key: 'maxConnections', type: 'number', label: l('Max connections'), min: 0, max: 1000, integer: true },
    { key: 'hosts', type: 'hostlist', label: l('Hosts'), required: true },
  ],
  hints: [
    { when: [{ field: 'capabilities', excludes: 'SORT' }], severity: 'warning', text: l('Without SORT sorting is slow') },
    { when: [{ field: 'server', equals: 'dovecot' }, { field: 'capabilities', excludes: 'METADATA' }], severity: 'warning', text: l('Enable METADATA') },
  ],
};

const PACK: Pack = { id: 'test-pack', version: 1, name: l('Test'), topics: [IMAP] };

describe('conditions', () => {
  it('show a field only while its condition holds, and chains of them', () => {
    const keys = (answers: Answers) => visibleFields(IMAP, answers).map((f) => f.key);
    expect(keys({})).toEqual(['server', 'capabilities', 'maxConnections', 'hosts']);
    expect(keys({ server: 'other' })).toEqual(['server', 'serverOther', 'capabilities', 'maxConnections', 'hosts']);
    expect(keys({ server: 'other', serverOther: 'Cyrus' })).toContain('serverOtherVersion');
    // The grandchild hides with its parent even though its own condition still holds.
    expect(keys({ server: 'dovecot', serverOther: 'Cyrus' })).not.toContain('serverOtherVersion');
  });

  it('derive hints from answers, but not from a list not given yet', () => {
    const texts = (answers: Answers) => activeHints(IMAP, answers).map((h) => h.text.en);
    expect(texts({})).toEqual([]);
    expect(texts({ capabilities: ['IMAP4rev1'] })).toEqual(['Without SORT sorting is slow']);
    expect(texts({ server: 'dovecot', capabilities: ['IMAP4rev1', 'SORT'] })).toEqual(['Enable METADATA']);
    expect(texts({ server: 'dovecot', capabilities: ['SORT', 'METADATA'] })).toEqual([]);
  });
});

describe('capability paste', () => {
  const known = ['IMAP4rev1', 'SORT', 'SORT=DISPLAY', 'THREAD=REFERENCES', 'METADATA', 'SPECIAL-USE', 'IDLE'];

  it('reads a CAPABILITY response', () => {
    const parsed = parseCapabilities('* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES AUTH=PLAIN', known);
    expect(parsed.found).toEqual(['IMAP4rev1', 'SORT', 'SORT=DISPLAY', 'THREAD=REFERENCES', 'IDLE']);
    expect(parsed.others).toEqual(['SASL-IR', 'LITERAL+', 'ID', 'ENABLE', 'AUTH=PLAIN']);
  });

  it('reads a greeting with the capabilities in brackets, whatever the case, over several lines', () => {
    const pasted = '* OK [CAPABILITY imap4rev1 special-use] Dovecot ready.\r\n* CAPABILITY IMAP4rev1 METADATA\r\na1 OK done';
    expect(parseCapabilities(pasted, known).found).toEqual(['IMAP4rev1', 'METADATA', 'SPECIAL-USE']);
  });

  it('takes a bare list, and finds nothing in text without capabilities', () => {
    expect(parseCapabilities('IMAP4rev1 IDLE', known).found).toEqual(['IMAP4rev1', 'IDLE']);
    expect(parseCapabilities('', known)).toEqual({ found: [], others: [] });
  });
});

describe('answers', () => {
  const field = (key: string): PackField => IMAP.fields.find((f) => f.key === key)!;

  it('are checked against their field', () => {
    expect(answerSchema(field('server')).safeParse('dovecot').success).toBe(true);
    expect(answerSchema(field('server')).safeParse('exchange').success).toBe(false);
    expect(answerSchema(field('maxConnections')).safeParse(20).success).toBe(true);
    expect(answerSchema(field('maxConnections')).safeParse(2.5).success).toBe(false);
    expect(answerSchema(field('maxConnections')).safeParse(5000).success).toBe(false);
    expect(answerSchema(field('hosts')).safeParse(['imap1.example.com', '10.0.0.5', 'imap2.example.com:993', '[2001:db8::1]:993']).success).toBe(true);
    expect(answerSchema(field('hosts')).safeParse(['imap one.example.com']).success).toBe(false);
    expect(answerSchema(field('capabilities')).safeParse(['SORT', 'BOGUS']).success).toBe(false);
    expect(answerSchema(field('server')).safeParse(null).success).toBe(true);
  });

  it('count as answered when they say something', () => {
    expect([undefined, null, '', '  ', []].map((v) => isAnswered(v))).toEqual([false, false, false, false, false]);
    expect(['x', 0, false, ['a']].map((v) => isAnswered(v))).toEqual([true, true, true, true]);
  });
});

describe('completeness', () => {
  it('counts required fields first, and only the fields shown', () => {
    const empty = topicCompleteness(IMAP, {});
    expect(empty.required).toEqual({ answered: 0, total: 2 });
    expect(empty.missingRequired).toEqual(['server', 'hosts']);
    const other = topicCompleteness(IMAP, { server: 'other', hosts: ['imap.example.com'] });
    expect(other.required).toEqual({ answered: 2, total: 3 });
    expect(other.missingRequired).toEqual(['serverOther']);
    expect(other.all).toEqual({ answered: 2, total: 5 });
    expect(percent(other.required)).toBe(66);
    expect(percent({ answered: 0, total: 0 })).toBe(100);
  });
});

describe('pack checks', () => {
  it('accept a good pack', () => {
    expect(checkPack(JSON.stringify(PACK))).toEqual({ ok: true, pack: PACK });
  });

  it('say where a JSON syntax error is', () => {
    const result = checkPack('{\n  "id": "x",\n  "version": 1,,\n}');
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'line 3, column 16' }] });
  });

  it('list every schema problem with its path', () => {
    const bad = { ...PACK, version: 0, topics: [{ ...IMAP, title: { en: 'IMAP' }, fields: [{ key: 'Bad Key', type: 'colour', label: l('x') }] }] };
    const result = checkPack(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'topics[0].title.de', 'topics[0].fields[0].type']));
  });

  it('find what the schema cannot: duplicates, dangling and circular conditions, wrong values, bad defaults', () => {
    const topic: Topic = {
      ...IMAP,
      fields: [
        ...IMAP.fields,
        { key: 'hosts', type: 'text', label: l('Twice') },
        { key: 'a', type: 'text', label: l('A'), showWhen: { field: 'b', isSet: true } },
        { key: 'b', type: 'text', label: l('B'), showWhen: { field: 'a', isSet: true } },
        { key: 'c', type: 'text', label: l('C'), showWhen: { field: 'nowhere', isSet: true } },
        { key: 'd', type: 'text', label: l('D'), showWhen: { field: 'server', equals: 'exchange' } },
        { key: 'e', type: 'number', label: l('E'), min: 5, max: 1, default: 9 },
        { key: 'f', type: 'select', label: l('F'), options: [{ value: 'x', label: l('X') }, { value: 'x', label: l('X again') }] },
        { key: 'g', type: 'text', label: l('G'), statement: { en: 'The host is {value}.', de: 'Der Host.' }, statementNo: l('Not') },
      ],
      hints: [{ when: [{ field: 'server', includes: 'dovecot' }], severity: 'info', text: l('wrong kind') }],
    };
    const result = checkPack(JSON.stringify({ ...PACK, topics: [topic, topic] }));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'topics: Topic key "imap" is used more than once',
        'topics[0].fields[6].key: Field key "hosts" is used more than once in topic "imap"',
        'topics[0].fields[7].showWhen: The conditions of these fields depend on each other in a circle',
        'topics[0].fields[9].showWhen.field: No field "nowhere" in topic "imap"',
        'topics[0].fields[10].showWhen: "exchange" is not one of the choices of "server" (dovecot, other)',
        'topics[0].fields[11]: min (5) is above max (1)',
        'topics[0].fields[12]: Choice "x" is listed more than once',
        'topics[0].fields[13].statement: A statement says where the answer goes with {value}, in every language',
        'topics[0].fields[13].statementNo: Only a yes/no field has a statement for no',
        'topics[0].hints[0].when[0]: "includes" and "excludes" need a multiple-choice or capabilities field; "server" is select',
      ]),
    );
    expect(problems.some((p) => p.startsWith('topics[0].fields[11].default:'))).toBe(true);
  });
});
