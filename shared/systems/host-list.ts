// A host list pasted or imported: a CSV file with a header (its separator detected), or one host a
// line ("mw01.example.com 10.0.0.11 middleware"). Every line is read and checked against the same
// rules as a typed host before anything is written, so the preview lists every problem by line.
// Pure: the text in, the hosts and problems out.
import { z } from 'zod';
import { parseCsv } from '../csv.ts';
import { LANGUAGES, translate } from '../i18n/index.ts';
import { isHost } from '../workshops/answers.ts';
import { addressWords, hostFields } from './schema.ts';
import { HOST_ROLES, OPERATORS, type HostListPreview, type HostRole, type Operator } from './types.ts';

type ListedHost = HostListPreview['hosts'][number];
type Problem = HostListPreview['problems'][number];
/** The columns a list may have, as the preview names them. */
type Column = 'name' | 'addresses' | 'role' | 'operatingSystem' | 'cpuCores' | 'ramGb' | 'diskGb' | 'operator';

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_()./-]+/g, '');

/** Header words in English and German, folded (no case, spaces or punctuation). */
const HEADERS: Record<Column, readonly string[]> = {
  name: ['name', 'host', 'hostname', 'hostName', 'server', 'rechner'],
  addresses: ['addresses', 'address', 'ip', 'ips', 'ipaddress', 'ipaddresses', 'adresse', 'adressen', 'ipadresse', 'ipadressen'],
  role: ['role', 'rolle', 'function', 'funktion'],
  operatingSystem: ['os', 'operatingsystem', 'betriebssystem', 'system'],
  cpuCores: ['cores', 'cpu', 'cpus', 'cpucores', 'kerne', 'cpukerne'],
  ramGb: ['ram', 'ramgb', 'memory', 'memorygb', 'arbeitsspeicher', 'arbeitsspeichergb', 'speicher'],
  diskGb: ['disk', 'diskgb', 'storage', 'platte', 'plattegb', 'festplatte', 'festplattegb'],
  operator: ['operator', 'operatedby', 'betreiber', 'betriebenvon', 'betrieb'],
};

/** Short words consultants write for a role, besides its name in either language. */
const ROLE_WORDS: Record<HostRole, readonly string[]> = {
  loadBalancer: ['lb', 'loadbalancer', 'balancer', 'haproxy', 'proxy'],
  middleware: ['mw', 'middleware', 'appsuite', 'ox', 'app'],
  mysqlPrimary: ['mysql', 'db', 'database', 'mysqlprimary', 'primary', 'mysqlmaster', 'master'],
  mysqlReplica: ['mysqlreplica', 'replica', 'mysqlslave', 'slave'],
  fileStore: ['filestore', 'nfs', 'storage', 'filer'],
  mail: ['mail', 'imap', 'smtp', 'mx', 'dovecot', 'postfix'],
  provisioning: ['provisioning', 'prov', 'provisionierung'],
  other: ['other', 'sonstige', 'sonstiges', 'andere'],
};

const OPERATOR_WORDS: Record<Operator, readonly string[]> = {
  customer: ['customer', 'kunde'],
  consultancy: ['consultancy', 'beratung', 'vendor'],
  hostingPartner: ['hostingpartner', 'hoster', 'hosting', 'partner'],
};

function lookup<K extends string>(keys: readonly K[], words: Record<K, readonly string[]>, label: (key: K) => string[]): (text: string) => K | undefined {
  const byWord = new Map<string, K>();
  for (const key of keys) for (const word of [...words[key], ...label(key)]) if (!byWord.has(fold(word))) byWord.set(fold(word), key);
  return (text) => byWord.get(fold(text));
}

const roleOf = lookup(HOST_ROLES, ROLE_WORDS, (r) => LANGUAGES.map((l) => translate(l, `systems.role.${r}`)));
const operatorOf = lookup(OPERATORS, OPERATOR_WORDS, (o) => LANGUAGES.map((l) => translate(l, `systems.operator.${o}`)));
const columnOf = lookup(Object.keys(HEADERS) as Column[], HEADERS, () => []);

/** A size as "16" or "16 GB"; null for an empty cell, NaN for anything else. */
function sizeOf(text: string): number | null {
  const t = text.trim().replace(/\s*(gb|gib|cores?|kerne?)$/i, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Reads one host's cells, noting each problem with its line and field. */
function hostOf(line: number, cells: Partial<Record<Column, string>>, problems: Problem[]): ListedHost | null {
  const before = problems.length;
  const problem = (field: Column, reason: Problem['reason'], value: string) => problems.push({ line, field, reason, value });
  const name = (cells.name ?? '').trim();
  if (name === '') problem('name', 'noName', '');
  else if (!isHost(name) || name.length > 253) problem('name', 'hostname', name);
  const addresses = addressWords(cells.addresses ?? '').join(', ');
  for (const word of addressWords(addresses)) if (!isHost(word)) problem('addresses', 'hostname', word);
  const roleText = (cells.role ?? '').trim();
  const role = roleText === '' ? 'other' : roleOf(roleText);
  if (role === undefined) problem('role', 'role', roleText);
  const operatorText = (cells.operator ?? '').trim();
  const operator = operatorText === '' ? null : operatorOf(operatorText);
  if (operator === undefined) problem('operator', 'operator', operatorText);
  const sizes = { cpuCores: sizeOf(cells.cpuCores ?? ''), ramGb: sizeOf(cells.ramGb ?? ''), diskGb: sizeOf(cells.diskGb ?? '') };
  for (const [field, value] of Object.entries(sizes)) if (Number.isNaN(value)) problem(field as Column, 'number', cells[field as Column] ?? '');
  const host = { line, name, addresses, role: role ?? 'other', operatingSystem: (cells.operatingSystem ?? '').trim(), ...sizes, operator: operator ?? null };
  // The same rules as a typed host, for whatever the checks above leave (lengths, largest sizes).
  const checked = z.object(hostFields).omit({ notes: true }).safeParse(host);
  if (!checked.success && problems.length === before) for (const issue of checked.error.issues) problem(String(issue.path[0]) as Column, 'invalid', String(host[issue.path[0] as keyof typeof host] ?? ''));
  return problems.length === before ? host : null;
}

/** A line "name [addresses…] [role]": the first word is the name; a word naming a role is the role, the rest addresses. */
function lineCells(text: string): Partial<Record<Column, string>> & { unknown: string[] } {
  const [name = '', ...words] = text.trim().split(/[\s,;]+/);
  const addresses: string[] = [];
  const unknown: string[] = [];
  let role: string | undefined;
  for (const word of words) {
    if (role === undefined && roleOf(word) !== undefined) role = word;
    else if (isHost(word)) addresses.push(word);
    else unknown.push(word);
  }
  return { name, addresses: addresses.join(', '), ...(role === undefined ? {} : { role }), unknown };
}

/** Whether the text is a CSV file with a header: its first line names a host column and has a separator. */
function hasHeader(firstLine: string): boolean {
  const cells = firstLine.split(/[,;]/);
  return cells.length > 1 && cells.some((c) => columnOf(c) === 'name');
}

export function parseHostList(text: string): HostListPreview {
  const hosts: ListedHost[] = [];
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first === -1) return { hosts, problems };
  if (hasHeader(lines[first]!)) {
    const csv = parseCsv(lines.slice(first).join('\n'));
    for (const p of csv.problems) problems.push({ line: p.line + first, field: '', reason: 'csv', value: p.kind === 'textAfterQuote' ? p.text : '' });
    const [header, ...records] = csv.records;
    const columns = header!.cells.map((c) => columnOf(c) ?? null);
    header!.cells.forEach((c, i) => {
      if (columns[i] === null && c.trim() !== '') problems.push({ line: header!.line + first, field: '', reason: 'column', value: c.trim() });
    });
    for (const record of records) {
      const cells: Partial<Record<Column, string>> = {};
      record.cells.forEach((value, i) => {
        const column = columns[i];
        if (column) cells[column] = value;
      });
      const host = hostOf(record.line + first, cells, problems);
      if (host) hosts.push(host);
    }
  } else {
    lines.forEach((raw, index) => {
      if (raw.trim() === '' || raw.trim().startsWith('#')) return;
      const { unknown, ...cells } = lineCells(raw);
      for (const word of unknown) problems.push({ line: index + 1, field: 'addresses', reason: 'hostname', value: word });
      const host = hostOf(index + 1, cells, problems);
      if (host && unknown.length === 0) hosts.push(host);
    });
  }
  // A name twice in one list: the first is taken, the later lines are problems.
  const seen = new Set<string>();
  const unique = hosts.filter((h) => {
    const key = h.name.toLowerCase();
    if (seen.has(key)) problems.push({ line: h.line, field: 'name', reason: 'duplicate', value: h.name });
    else seen.add(key);
    return !problems.some((p) => p.line === h.line);
  });
  return { hosts: unique, problems: problems.sort((a, b) => a.line - b.line) };
}
