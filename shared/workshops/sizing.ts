// Hardware sizing for the Technology transfer workshop: from mailboxes per account type and how
// many of them are active at peak, to middleware nodes, MySQL servers and file store size. Every
// number the result depends on is an explicit assumption with its source, editable by the
// consultant and shown beside the result; every step of the calculation is listed in words.
// Pure: no I/O, no clock.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import { formatNumber, formatQuantity, type Unit } from '../quantity.ts';
import type { Localized } from './pack.ts';

export const ASSUMPTION_KEYS = [
  'heapPerSessionMb',
  'baseHeapGb',
  'heapShareOfRam',
  'nodeRamGb',
  'nodeCores',
  'sessionsPerCore',
  'minNodes',
  'redundancyNodes',
  'mobileSyncFactor',
  'documentsFactor',
  'mysqlServers',
  'mysqlRamGb',
  'mysqlCores',
  'fileStorePerMailboxMb',
  'fileStoreHeadroom',
  'provisioningNodeAbove',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export interface Assumption {
  key: AssumptionKey;
  value: number;
  unit: Unit;
  label: Localized;
  /** Where the value comes from, in each language. */
  source: Localized;
}

const OX_DOCS = { en: 'OX App Suite administration documentation', de: 'Administrationsdokumentation der OX App Suite' };
const OX_REFERENCE = { en: 'OX published large reference setup (about 1M mailboxes)', de: 'Veröffentlichtes großes Referenz-Setup von OX (etwa 1 Mio. Postfächer)' };
const SUGGESTED: Localized = { en: 'suggested starting point, no published source', de: 'empfohlener Ausgangswert, ohne veröffentlichte Quelle' };
/** A published source and what it says, in both languages. */
const from = (source: Localized, en: string, de: string): Localized => ({ en: `${source.en}: ${en}`, de: `${source.de}: ${de}` });

export const ASSUMPTIONS: readonly Assumption[] = [
  { key: 'heapPerSessionMb', value: 1, unit: 'MB', label: { en: 'Middleware heap per active session', de: 'Middleware-Heap je aktiver Sitzung' }, source: from(OX_DOCS, 'plan at least 1 MB heap per session', 'mindestens 1 MB Heap je Sitzung einplanen') },
  { key: 'baseHeapGb', value: 4, unit: 'GB', label: { en: 'Heap a node needs before any session', de: 'Heap eines Knotens ohne Sitzungen' }, source: SUGGESTED },
  { key: 'heapShareOfRam', value: 0.75, unit: 'share', label: { en: 'Share of node RAM given to the Java heap', de: 'Anteil des Knoten-RAMs für den Java-Heap' }, source: SUGGESTED },
  { key: 'nodeRamGb', value: 32, unit: 'GB', label: { en: 'RAM per middleware node', de: 'RAM je Middleware-Knoten' }, source: from(OX_REFERENCE, '32 GB / 8 cores per node', '32 GB / 8 Kerne je Knoten') },
  { key: 'nodeCores', value: 8, unit: 'cores', label: { en: 'Cores per middleware node', de: 'Kerne je Middleware-Knoten' }, source: from(OX_REFERENCE, '32 GB / 8 cores per node', '32 GB / 8 Kerne je Knoten') },
  { key: 'sessionsPerCore', value: 2_500, unit: 'sessions', label: { en: 'Weighted sessions one core serves', de: 'Gewichtete Sitzungen je Kern' }, source: SUGGESTED },
  { key: 'minNodes', value: 2, unit: 'nodes', label: { en: 'Fewest middleware nodes', de: 'Mindestzahl Middleware-Knoten' }, source: from(OX_DOCS, 'at least 2 nodes, 3 recommended', 'mindestens 2 Knoten, 3 empfohlen') },
  { key: 'redundancyNodes', value: 1, unit: 'nodes', label: { en: 'Spare nodes for redundancy (N+1)', de: 'Reserveknoten für Redundanz (N+1)' }, source: { en: 'N+1 redundancy: one node may fail at peak', de: 'N+1-Redundanz: ein Knoten darf zur Spitzenzeit ausfallen' } },
  { key: 'mobileSyncFactor', value: 1.2, unit: 'factor', label: { en: 'Extra load with mobile sync', de: 'Mehrlast durch mobile Synchronisation' }, source: SUGGESTED },
  { key: 'documentsFactor', value: 1.3, unit: 'factor', label: { en: 'Extra load with Documents', de: 'Mehrlast durch Documents' }, source: SUGGESTED },
  { key: 'mysqlServers', value: 2, unit: 'servers', label: { en: 'MySQL servers', de: 'MySQL-Server' }, source: from(OX_REFERENCE, 'two MySQL servers, master-master', 'zwei MySQL-Server, Master-Master') },
  { key: 'mysqlRamGb', value: 32, unit: 'GB', label: { en: 'RAM per MySQL server', de: 'RAM je MySQL-Server' }, source: from(OX_REFERENCE, '32 GB / 8 cores', '32 GB / 8 Kerne') },
  { key: 'mysqlCores', value: 8, unit: 'cores', label: { en: 'Cores per MySQL server', de: 'Kerne je MySQL-Server' }, source: from(OX_REFERENCE, '32 GB / 8 cores', '32 GB / 8 Kerne') },
  { key: 'fileStorePerMailboxMb', value: 100, unit: 'MB', label: { en: 'File store per mailbox (Drive, attachments, thumbnails)', de: 'Dateispeicher je Postfach (Drive, Anhänge, Vorschaubilder)' }, source: SUGGESTED },
  { key: 'fileStoreHeadroom', value: 0.3, unit: 'share', label: { en: 'File store headroom for growth', de: 'Reserve des Dateispeichers für Wachstum' }, source: SUGGESTED },
  { key: 'provisioningNodeAbove', value: 500_000, unit: 'mailboxes', label: { en: 'Separate provisioning node above', de: 'Eigener Provisionierungsknoten ab' }, source: from(OX_REFERENCE, 'a separate provisioning node above about 500k mailboxes', 'ein eigener Provisionierungsknoten ab etwa 500.000 Postfächern') },
];

export interface AccountType {
  key: string;
  label: Localized;
  mailboxes: number;
  /** Share of these mailboxes with an active session at peak (0 to 1). */
  concurrency: number;
  /** Middleware load of one such session against a webmail session. */
  weight: number;
}

/** Ratios and weights are starting points (suggested; weights follow BlueMind's published "units": 1 mail, 2 collaboration, 5 smartphone sync). */
export const DEFAULT_ACCOUNT_TYPES: readonly AccountType[] = [
  { key: 'webmail', label: { en: 'Webmail only', de: 'Nur Webmail' }, mailboxes: 0, concurrency: 0.05, weight: 1 },
  { key: 'groupware', label: { en: 'Groupware', de: 'Groupware' }, mailboxes: 0, concurrency: 0.15, weight: 2 },
  { key: 'mobile', label: { en: 'Groupware with mobile sync', de: 'Groupware mit mobiler Synchronisation' }, mailboxes: 0, concurrency: 0.25, weight: 5 },
];

const localizedSchema = z.strictObject({ en: z.string().min(1).max(200), de: z.string().min(1).max(200) });

export const sizingInputSchema = z.strictObject({
  accountTypes: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(50),
        label: localizedSchema,
        mailboxes: z.number().int().min(0).max(100_000_000),
        concurrency: z.number().min(0).max(1),
        weight: z.number().positive().max(100),
      }),
    )
    .min(1)
    .max(20),
  features: z.strictObject({ mobileSync: z.boolean(), documents: z.boolean() }),
  assumptions: z.strictObject({
    heapPerSessionMb: z.number().positive().max(1_000),
    baseHeapGb: z.number().min(0).max(1_000),
    heapShareOfRam: z.number().positive().max(1),
    nodeRamGb: z.number().positive().max(10_000),
    nodeCores: z.number().int().positive().max(1_000),
    sessionsPerCore: z.number().positive().max(1_000_000),
    minNodes: z.number().int().min(1).max(1_000),
    redundancyNodes: z.number().int().min(0).max(100),
    mobileSyncFactor: z.number().min(1).max(10),
    documentsFactor: z.number().min(1).max(10),
    mysqlServers: z.number().int().min(1).max(100),
    mysqlRamGb: z.number().positive().max(10_000),
    mysqlCores: z.number().int().positive().max(1_000),
    fileStorePerMailboxMb: z.number().min(0).max(1_000_000),
    fileStoreHeadroom: z.number().min(0).max(10),
    provisioningNodeAbove: z.number().int().min(0),
  }),
});
export type SizingInput = z.infer<typeof sizingInputSchema>;

export function defaultSizingInput(): SizingInput {
  return {
    accountTypes: DEFAULT_ACCOUNT_TYPES.map((a) => ({ ...a, label: { ...a.label } })),
    features: { mobileSync: false, documents: false },
    assumptions: Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.value])) as SizingInput['assumptions'],
  };
}

export interface SizingStep {
  label: Localized;
  /** The calculation with its numbers, in each language's number format. */
  formula: Localized;
  value: Localized;
}

export interface SizingResult {
  concurrentSessions: number;
  /** Sessions weighted by account type and features: the load the middleware carries. */
  weightedSessions: number;
  middleware: { nodes: number; nodesForLoad: number; ramGb: number; cores: number; heapGbNeeded: number };
  mysql: { servers: number; ramGb: number; cores: number };
  fileStore: { gb: number };
  provisioningNode: boolean;
  steps: SizingStep[];
}

/** Rounds up, forgiving float noise (0.1 × 3 is not above 0.3) and never giving -0. */
const ceil = (value: number): number => Math.max(0, Math.ceil(value - 1e-9));

/** Writes a step's text with a language's numbers: `n(value, digits)`, `q(value, unit)`. */
type StepText = (n: (value: number, digits?: number) => string, q: (value: number, unit: Unit) => string) => string;

const inEachLanguage = (text: StepText): Localized =>
  Object.fromEntries(
    LANGUAGES.map((l: Language) => [l, text((value, digits = 0) => formatNumber(value, l, digits), (value, unit) => formatQuantity(value, unit, l))]),
  ) as Localized;

export function computeSizing(input: SizingInput): SizingResult {
  const a = input.assumptions;
  const steps: SizingStep[] = [];
  const step = (en: string, de: string, formula: StepText, value: StepText) => steps.push({ label: { en, de }, formula: inEachLanguage(formula), value: inEachLanguage(value) });

  const mailboxes = input.accountTypes.reduce((sum, t) => sum + t.mailboxes, 0);
  const concurrentSessions = ceil(input.accountTypes.reduce((sum, t) => sum + t.mailboxes * t.concurrency, 0));
  step(
    'Concurrent sessions at peak',
    'Gleichzeitige Sitzungen zur Spitzenzeit',
    (n, q) => input.accountTypes.map((t) => `${n(t.mailboxes)} × ${q(t.concurrency, 'share')}`).join(' + '),
    (n) => n(concurrentSessions),
  );

  const featureFactor = (input.features.mobileSync ? a.mobileSyncFactor : 1) * (input.features.documents ? a.documentsFactor : 1);
  const weightedSessions = ceil(input.accountTypes.reduce((sum, t) => sum + t.mailboxes * t.concurrency * t.weight, 0) * featureFactor);
  step(
    'Weighted sessions (load per account type and features)',
    'Gewichtete Sitzungen (Last je Kontotyp und Funktionen)',
    (n) => `(${input.accountTypes.map((t) => `${n(t.mailboxes * t.concurrency)} × ${n(t.weight, 2)}`).join(' + ')}) × ${n(featureFactor, 2)}`,
    (n) => n(weightedSessions),
  );

  const heapGbNeeded = a.baseHeapGb + (weightedSessions * a.heapPerSessionMb) / 1024;
  step('Middleware heap needed', 'Benötigter Middleware-Heap', (n, q) => `${q(a.baseHeapGb, 'GB')} + ${n(weightedSessions)} × ${q(a.heapPerSessionMb, 'MB')}`, (_, q) => q(Math.round(heapGbNeeded * 10) / 10, 'GB'));

  const heapPerNode = a.nodeRamGb * a.heapShareOfRam;
  const nodesForHeap = ceil(heapGbNeeded / heapPerNode);
  const nodesForCpu = ceil(weightedSessions / (a.nodeCores * a.sessionsPerCore));
  const nodesForLoad = Math.max(nodesForHeap, nodesForCpu, a.minNodes);
  step(
    'Middleware nodes for the load',
    'Middleware-Knoten für die Last',
    (n, q) =>
      `max(${q(Math.round(heapGbNeeded * 10) / 10, 'GB')} ÷ ${q(Math.round(heapPerNode * 10) / 10, 'GB')} = ${n(nodesForHeap)}; ${n(weightedSessions)} ÷ (${n(a.nodeCores)} × ${n(a.sessionsPerCore)}) = ${n(nodesForCpu)}; min ${n(a.minNodes)})`,
    (n) => n(nodesForLoad),
  );
  const nodes = nodesForLoad + a.redundancyNodes;
  step('Middleware nodes with redundancy', 'Middleware-Knoten mit Redundanz', (n) => `${n(nodesForLoad)} + ${n(a.redundancyNodes)} (N+${n(a.redundancyNodes)})`, (n) => n(nodes));

  const fileStoreGb = ceil(((mailboxes * a.fileStorePerMailboxMb) / 1024) * (1 + a.fileStoreHeadroom));
  step('File store', 'Dateispeicher', (n, q) => `${n(mailboxes)} × ${q(a.fileStorePerMailboxMb, 'MB')} × (1 + ${q(a.fileStoreHeadroom, 'share')})`, (_, q) => q(fileStoreGb, 'GB'));

  const provisioningNode = mailboxes > a.provisioningNodeAbove;
  step('Separate provisioning nodes', 'Eigene Provisionierungsknoten', (n) => `${n(mailboxes)} > ${n(a.provisioningNodeAbove)}`, (n) => n(provisioningNode ? 1 : 0));

  return {
    concurrentSessions,
    weightedSessions,
    middleware: { nodes, nodesForLoad, ramGb: a.nodeRamGb, cores: a.nodeCores, heapGbNeeded: Math.round(heapGbNeeded * 10) / 10 },
    mysql: { servers: a.mysqlServers, ramGb: a.mysqlRamGb, cores: a.mysqlCores },
    fileStore: { gb: fileStoreGb },
    provisioningNode,
    steps,
  };
}

/** Machines of one kind as the result lists them: "4 × 32 GB RAM, 8 cores" / "4 × 32 GB RAM, 8 Kerne". */
export function describeMachines(count: number, ramGb: number, cores: number, language: Language): string {
  return `${formatNumber(count, language)} × ${formatQuantity(ramGb, 'GB', language)} RAM, ${formatQuantity(cores, 'cores', language)}`;
}
