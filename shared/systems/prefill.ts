// The hosts the workshops and the sizing already tell of, so that the consultant completes the
// inventory rather than retyping it: the load balancer (Load balancing, Technology transfer), the
// middleware nodes (their names from Load balancing and Scaling, their number from Scaling, the
// architecture split or the sizing), the MySQL servers as primary and replicas (MySQL), the file
// store (Storage), the mail back end (IMAP) and a provisioning node. Each host says where it came
// from. A host already there is never added again nor changed: named hosts are matched by name,
// counted ones by how many of their role the environment has. Pure.
import type { Answers, AnswerValue, TableRow } from '../workshops/answers.ts';
import type { ProjectSizing } from '../workshops/types.ts';
import { SIZING_SOURCE, type HostRole, type HostSource, type Operator } from './types.ts';

export interface PrefilledHost {
  name: string;
  role: HostRole;
  cpuCores: number | null;
  ramGb: number | null;
  diskGb: number | null;
  operator: Operator | null;
  source: HostSource;
  components: { name: string; version: string }[];
}

export interface PrefillInput {
  /** The latest workshop's answers per topic. */
  answers: ReadonlyMap<string, Answers>;
  /** The saved sizing, or null while it has never been saved. */
  sizing: ProjectSizing | null;
  /** The project's product and version, the software of the middleware nodes. */
  product: { name: string; version: string };
  /** The hosts the environment has. */
  existing: readonly { name: string; role: HostRole }[];
}

type Sizes = Pick<PrefilledHost, 'cpuCores' | 'ramGb' | 'diskGb'>;
const NO_SIZES: Sizes = { cpuCores: null, ramGb: null, diskGb: null };

/** One part of the platform: the hosts named for it, how many it has in all, and what each runs. */
interface Plan {
  roles: readonly HostRole[];
  /** Hosts known by name, in order. */
  named: { name: string; source: HostSource; sizes: Sizes }[];
  /** How many hosts in all, and who said so; null where nobody did. */
  count: { value: number; source: HostSource } | null;
  /** A counted host's name: the prefix and a two-digit number (mw01). */
  prefix: string;
  sizes: Sizes;
  operator: Operator | null;
  components: PrefilledHost['components'];
  /** The role of the i-th host of the part (MySQL: the first the primary, the others replicas). */
  roleAt: (index: number) => HostRole;
}

const text = (v: AnswerValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
const num = (v: AnswerValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : null);
const list = (v: AnswerValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : []);
const rows = (v: AnswerValue | undefined): TableRow[] => (Array.isArray(v) ? v.filter((x): x is TableRow => typeof x === 'object' && x !== null) : []);
const rowNum = (row: TableRow, key: string): number | null => (typeof row[key] === 'number' ? num(row[key]) : null);

/** "F5 BIG-IP 17" → F5 BIG-IP, version 17; a name without a version number stays whole. */
function productOf(text: string): { name: string; version: string } {
  const m = /^(.*\S)\s+v?(\d[\w.-]*)$/.exec(text.trim());
  return m ? { name: m[1]!, version: m[2]! } : { name: text.trim(), version: '' };
}

/** The host in a file store's address: nfs://filer01.example.com/ox, filer01:/export/ox. */
function hostOfUri(uri: string): string | null {
  const m = /^(?:[a-z][\w+.-]*:\/\/)?(?:[^@/]*@)?([A-Za-z0-9.-]+)(?::\d+)?(?:[:/].*)?$/.exec(uri.trim());
  return m && m[1]!.includes('.') ? m[1]! : null;
}

const DELIVERED_BY: Record<string, Operator> = { customer: 'customer', vendor: 'consultancy' };
const STORAGE_PRODUCTS: Record<string, string> = { nfs: 'NFS', glusterfs: 'GlusterFS', s3: 'S3' };
const IMAP_PRODUCTS: Record<string, string> = { dovecot: 'Dovecot', cyrus: 'Cyrus IMAP', courier: 'Courier IMAP' };
/** Node sizes the Scaling topic offers. */
const NODE_SIZES: Record<string, Sizes> = { '16gb': { ...NO_SIZES, ramGb: 16 }, '32gb-8c': { cpuCores: 8, ramGb: 32, diskGb: null } };

function plans(input: PrefillInput): Plan[] {
  const a = (topic: string) => input.answers.get(topic) ?? {};
  const answered = (topic: string) => Object.values(a(topic)).some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  const split = a('architecture-split');
  const operator = (part: string): Operator | null => DELIVERED_BY[text(split[`${part}DeliveredBy`])] ?? null;
  const sizing = input.sizing?.updatedAt ? input.sizing.result : null;
  const countOf = (...candidates: [number | null, HostSource][]) => {
    const found = candidates.find(([value]) => value !== null);
    return found ? { value: found[0]!, source: found[1] } : null;
  };
  const software = (name: string, version = '') => (name === '' ? [] : [{ name, version }]);
  const only = (role: HostRole) => () => role;

  // The load balancer: named in Load balancing, or first in Technology transfer.
  const lb = a('load-balancing');
  const lbText = text(lb['productName']) || text(a('technology-transfer')['loadBalancer']);
  const lbSource = answered('load-balancing') ? 'load-balancing' : 'technology-transfer';
  const loadBalancer: Plan = {
    roles: ['loadBalancer'],
    named: [],
    count: countOf([num(split['loadBalancerNodes']), 'architecture-split'], [lbText !== '' || answered('load-balancing') ? 1 : null, lbSource]),
    prefix: 'lb',
    sizes: NO_SIZES,
    operator: operator('loadBalancer'),
    components: lbText === '' ? [] : [productOf(lbText)],
    roleAt: only('loadBalancer'),
  };

  // The middleware nodes: the names behind the balancer and of the Scaling topic, the number as entered once (Scaling, split, sizing).
  const scaling = a('scaling');
  const nodeSizes = NODE_SIZES[text(scaling['nodeSize'])] ?? (sizing ? { cpuCores: sizing.middleware.cores, ramGb: sizing.middleware.ramGb, diskGb: null } : NO_SIZES);
  const middlewareNames = [...list(lb['nodeHosts']).map((name) => ({ name, source: 'load-balancing' })), ...list(scaling['nodeAddresses']).map((name) => ({ name, source: 'scaling' }))];
  const middleware: Plan = {
    roles: ['middleware'],
    named: middlewareNames.map((n) => ({ ...n, sizes: nodeSizes })),
    count: countOf([num(scaling['nodes']), 'scaling'], [num(split['middlewareNodes']), 'architecture-split'], [sizing?.middleware.nodes ?? null, SIZING_SOURCE]),
    prefix: 'mw',
    sizes: nodeSizes,
    operator: operator('middleware'),
    components: software(input.product.name.trim(), input.product.version.trim()),
    roleAt: only('middleware'),
  };

  // MySQL: the servers table, the ConfigDB and UserDB hosts; one primary and replicas, or all primaries in a multi-primary cluster.
  const mysql = a('mysql');
  const multiPrimary = ['galera', 'percona', 'master-master'].includes(text(mysql['replication']));
  const mysqlSizes: Sizes = sizing ? { cpuCores: sizing.mysql.cores, ramGb: sizing.mysql.ramGb, diskGb: null } : NO_SIZES;
  const mysqlNames = [
    ...rows(mysql['servers'])
      .filter((r) => typeof r['host'] === 'string' && r['host'].trim() !== '')
      .map((r) => ({ name: String(r['host']).trim(), source: 'mysql', sizes: { cpuCores: rowNum(r, 'cores'), ramGb: rowNum(r, 'ramGb'), diskGb: rowNum(r, 'diskGb') } })),
    ...[text(mysql['configDbHost']), ...list(mysql['userDbHosts'])].filter((n) => n !== '').map((name) => ({ name, source: 'mysql', sizes: mysqlSizes })),
  ];
  const mysqlPlan: Plan = {
    roles: ['mysqlPrimary', 'mysqlReplica'],
    named: mysqlNames,
    count: countOf([num(split['mysqlNodes']), 'architecture-split'], [sizing?.mysql.servers ?? null, SIZING_SOURCE]),
    prefix: 'db',
    sizes: mysqlSizes,
    operator: operator('mysql'),
    components: software('MySQL'),
    roleAt: (i) => (i === 0 || multiPrimary ? 'mysqlPrimary' : 'mysqlReplica'),
  };

  // The file store: its host from the URI, its size from Storage or the sizing.
  const storage = a('storage');
  const storeHost = hostOfUri(text(storage['uri']));
  const storeSizes: Sizes = { ...NO_SIZES, diskGb: num(storage['sizeGb']) ?? sizing?.fileStore.gb ?? null };
  const fileStore: Plan = {
    roles: ['fileStore'],
    named: storeHost ? [{ name: storeHost, source: 'storage', sizes: storeSizes }] : [],
    count: countOf([num(split['fileStoreNodes']), 'architecture-split'], [answered('storage') ? 1 : null, 'storage'], [sizing ? 1 : null, SIZING_SOURCE]),
    prefix: 'fs',
    sizes: storeSizes,
    operator: operator('fileStore'),
    components: software(STORAGE_PRODUCTS[text(storage['type'])] ?? ''),
    roleAt: only('fileStore'),
  };

  // The mail back end: the IMAP server and version, or the mail system named in Technology transfer.
  const imap = a('imap');
  const mailSystem = text(a('technology-transfer')['mailSystem']);
  const imapProduct = IMAP_PRODUCTS[text(imap['server'])];
  const mail: Plan = {
    roles: ['mail'],
    named: [],
    count: countOf([num(split['mailNodes']), 'architecture-split'], [answered('imap') ? 1 : null, 'imap'], [mailSystem !== '' ? 1 : null, 'technology-transfer']),
    prefix: 'mail',
    sizes: NO_SIZES,
    operator: operator('mail'),
    components: imapProduct ? software(imapProduct, text(imap['version'])) : mailSystem !== '' ? [productOf(mailSystem)] : [],
    roleAt: only('mail'),
  };

  // A provisioning node where the Provisioning topic asks for one, or the sizing finds one needed.
  const provisioning = a('provisioning');
  const provisioningPlan: Plan = {
    roles: ['provisioning'],
    named: [],
    count: countOf([provisioning['dedicatedNode'] === true ? 1 : null, 'provisioning'], [sizing?.provisioningNode ? 1 : null, SIZING_SOURCE]),
    prefix: 'prov',
    sizes: NO_SIZES,
    operator: operator('controlPanel'),
    components: software(text(provisioning['controlPanelVendor'])),
    roleAt: only('provisioning'),
  };

  return [loadBalancer, middleware, mysqlPlan, fileStore, mail, provisioningPlan];
}

/** The hosts to add to an environment: those the workshops and the sizing name or count that it lacks. */
export function prefillHosts(input: PrefillInput): PrefilledHost[] {
  const taken = new Set(input.existing.map((h) => h.name.trim().toLowerCase()));
  const added: PrefilledHost[] = [];
  for (const plan of plans(input)) {
    let have = input.existing.filter((h) => plan.roles.includes(h.role)).length;
    const add = (name: string, source: HostSource, sizes: Sizes) => {
      taken.add(name.toLowerCase());
      added.push({ name, role: plan.roleAt(have), ...sizes, operator: plan.operator, source, components: plan.components.map((c) => ({ ...c })) });
      have++;
    };
    for (const host of plan.named) if (!taken.has(host.name.toLowerCase())) add(host.name, host.source, host.sizes);
    let number = 1;
    while (plan.count && have < plan.count.value) {
      const name = `${plan.prefix}${String(number++).padStart(2, '0')}`;
      if (!taken.has(name)) add(name, plan.count.source, plan.sizes);
    }
  }
  return added;
}
