// The installed systems: the prefill from workshop answers and the sizing (named hosts, counted
// ones, MySQL primary and replicas, never a duplicate), the host list read line by line with its
// problems, and the API's refusals naming the field, with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { systemsBlocks } from '../../shared/documents/systems.ts';
import { inventoryDiagram } from '../../shared/systems/diagram.ts';
import { parseHostList } from '../../shared/systems/host-list.ts';
import { prefillHosts, type PrefillInput } from '../../shared/systems/prefill.ts';
import type { Inventory, PrefillResult } from '../../shared/systems/types.ts';
import type { Answers } from '../../shared/workshops/answers.ts';
import { computeSizing, defaultSizingInput } from '../../shared/workshops/sizing.ts';
import { dumpDatabase, openTestCore, removeTempDirs } from '../support/temp-store.ts';

const NO_PRODUCT = { name: '', version: '' };

function input(answers: Record<string, Answers>, rest: Partial<PrefillInput> = {}): PrefillInput {
  return { answers: new Map(Object.entries(answers)), sizing: null, product: NO_PRODUCT, existing: [], ...rest };
}

describe('prefill from the workshops and the sizing', () => {
  it('takes the load balancer, the middleware nodes behind it and the MySQL servers, each saying where it came from', () => {
    const hosts = prefillHosts(
      input(
        {
          'load-balancing': { productName: 'F5 BIG-IP 17', nodeHosts: ['ox-mw1.nordhafen.example', 'ox-mw2.nordhafen.example'] },
          'architecture-split': { loadBalancerDeliveredBy: 'customer', middlewareDeliveredBy: 'vendor' },
          mysql: {
            replication: 'master-slave',
            servers: [
              { host: 'db1.nordhafen.example', ramGb: 64, cores: 16, diskGb: 500 },
              { host: 'db2.nordhafen.example', ramGb: 64, cores: 16, diskGb: 500 },
            ],
          },
          storage: { type: 'nfs', uri: 'nfs://filer.nordhafen.example/ox', sizeGb: 2000 },
          imap: { server: 'dovecot', version: '2.3.21' },
        },
        { product: { name: 'OX App Suite', version: '8.30' } },
      ),
    );
    expect(hosts.map((h) => [h.name, h.role, h.source])).toEqual([
      ['lb01', 'loadBalancer', 'load-balancing'],
      ['ox-mw1.nordhafen.example', 'middleware', 'load-balancing'],
      ['ox-mw2.nordhafen.example', 'middleware', 'load-balancing'],
      ['db1.nordhafen.example', 'mysqlPrimary', 'mysql'],
      ['db2.nordhafen.example', 'mysqlReplica', 'mysql'],
      ['filer.nordhafen.example', 'fileStore', 'storage'],
      ['mail01', 'mail', 'imap'],
    ]);
    expect(hosts[0]).toMatchObject({ operator: 'customer', components: [{ name: 'F5 BIG-IP', version: '17' }] });
    expect(hosts[1]).toMatchObject({ operator: 'consultancy', components: [{ name: 'OX App Suite', version: '8.30' }] });
    expect(hosts[3]).toMatchObject({ cpuCores: 16, ramGb: 64, diskGb: 500 });
    expect(hosts[5]).toMatchObject({ diskGb: 2000, components: [{ name: 'NFS', version: '' }] });
    expect(hosts[6]).toMatchObject({ components: [{ name: 'Dovecot', version: '2.3.21' }] });
  });

  it('counts middleware nodes and MySQL servers from the sizing where no workshop names them, sized as the sizing says', () => {
    const sizingInput = defaultSizingInput();
    sizingInput.accountTypes = sizingInput.accountTypes.map((a, i) => ({ ...a, mailboxes: i === 0 ? 400_000 : 0 }));
    const result = computeSizing(sizingInput);
    const hosts = prefillHosts(input({ mysql: { replication: 'galera' } }, { sizing: { input: sizingInput, result, updatedAt: '2026-11-30T10:00:00Z' } }));
    const middleware = hosts.filter((h) => h.role === 'middleware');
    expect(middleware).toHaveLength(result.middleware.nodes);
    expect(middleware[0]).toMatchObject({ name: 'mw01', source: 'sizing', ramGb: result.middleware.ramGb, cpuCores: result.middleware.cores });
    // A Galera cluster has no replicas: every server takes writes.
    const mysql = hosts.filter((h) => h.role.startsWith('mysql'));
    expect(mysql).toHaveLength(result.mysql.servers);
    expect(mysql.every((h) => h.role === 'mysqlPrimary')).toBe(true);
    expect(hosts.some((h) => h.role === 'fileStore' && h.diskGb === result.fileStore.gb)).toBe(true);
    expect(hosts.some((h) => h.role === 'provisioning')).toBe(result.provisioningNode);
  });

  it('the number entered in Scaling wins over the sizing, and names count towards it', () => {
    const hosts = prefillHosts(input({ scaling: { nodes: 3, nodeSize: '32gb-8c', nodeAddresses: ['10.0.0.11'] } }));
    expect(hosts.map((h) => [h.name, h.source, h.ramGb, h.cpuCores])).toEqual([
      ['10.0.0.11', 'scaling', 32, 8],
      ['mw01', 'scaling', 32, 8],
      ['mw02', 'scaling', 32, 8],
    ]);
  });

  it('adds nothing twice: a host there by name, or enough hosts of the role, are left as they are', () => {
    const answers = { 'load-balancing': { productName: 'HAProxy 2.8', nodeHosts: ['mw-a.example.com', 'mw-b.example.com'] }, scaling: { nodes: 3 } };
    // The consultant renamed the counted node and the balancer: they still count.
    const existing = [
      { name: 'MW-A.example.com', role: 'middleware' as const },
      { name: 'frontend.example.com', role: 'loadBalancer' as const },
      { name: 'mw-c.example.com', role: 'middleware' as const },
    ];
    const hosts = prefillHosts(input(answers, { existing }));
    expect(hosts.map((h) => h.name)).toEqual(['mw-b.example.com']);
    expect(prefillHosts(input(answers, { existing: [...existing, { name: 'mw-b.example.com', role: 'middleware' }] }))).toEqual([]);
  });

  it('adds nothing without answers or a saved sizing', () => {
    expect(prefillHosts(input({}))).toEqual([]);
  });
});

describe('a host list pasted or imported', () => {
  it('reads one host a line: name, addresses, role in any order after the name', () => {
    const preview = parseHostList('# Produktion\nmw01.example.com 10.0.0.11 middleware\n\nlb01.example.com LB 10.0.0.2, 2001:db8::2\ndb01.example.com 10.0.0.21 mysql-replica\nsmtp.example.com\n');
    expect(preview.problems).toEqual([]);
    expect(preview.hosts.map((h) => [h.line, h.name, h.addresses, h.role])).toEqual([
      [2, 'mw01.example.com', '10.0.0.11', 'middleware'],
      [4, 'lb01.example.com', '10.0.0.2, 2001:db8::2', 'loadBalancer'],
      [5, 'db01.example.com', '10.0.0.21', 'mysqlReplica'],
      [6, 'smtp.example.com', '', 'other'],
    ]);
  });

  it('reads a German CSV with a header, its separator detected, roles and operators in German', () => {
    const preview = parseHostList('Name;Adressen;Rolle;Betriebssystem;Kerne;RAM (GB);Platte (GB);Betreiber\nmw01.example.com;10.0.0.11;Middleware-Knoten;Debian 12;8;32;100;Beratung\ndb01.example.com;10.0.0.21;MySQL-Primärserver;Debian 12;16;64 GB;500;Kunde\n');
    expect(preview.problems).toEqual([]);
    expect(preview.hosts).toEqual([
      { line: 2, name: 'mw01.example.com', addresses: '10.0.0.11', role: 'middleware', operatingSystem: 'Debian 12', cpuCores: 8, ramGb: 32, diskGb: 100, operator: 'consultancy' },
      { line: 3, name: 'db01.example.com', addresses: '10.0.0.21', role: 'mysqlPrimary', operatingSystem: 'Debian 12', cpuCores: 16, ramGb: 64, diskGb: 500, operator: 'customer' },
    ]);
  });

  it('lists every problem by line and leaves those lines out', () => {
    const csv = parseHostList('host,ip,role,ram,operator,colour\nmw_01!,10.0.0.11,middleware,32,customer,blue\nmw02.example.com,10.0.0.1/24,middleware,lots,landlord,red\nmw03.example.com,10.0.0.13,toaster,16,,\nmw03.example.com,10.0.0.14,middleware,16,,\nmw04.example.com,10.0.0.15,middleware,-4,,\n');
    expect(csv.hosts.map((h) => [h.line, h.name])).toEqual([[5, 'mw03.example.com']]);
    expect(csv.problems).toEqual([
      { line: 1, field: '', reason: 'column', value: 'colour' },
      { line: 2, field: 'name', reason: 'hostname', value: 'mw_01!' },
      { line: 3, field: 'addresses', reason: 'hostname', value: '10.0.0.1/24' },
      { line: 3, field: 'operator', reason: 'operator', value: 'landlord' },
      { line: 3, field: 'ramGb', reason: 'number', value: 'lots' },
      { line: 4, field: 'role', reason: 'role', value: 'toaster' },
      { line: 6, field: 'ramGb', reason: 'number', value: '-4' },
    ]);
    const lines = parseHostList('mw01.example.com 10.0.0.11 middleware\nmw01.example.com 10.0.0.12 middleware\n10.0.0.13 ¿what?\n');
    expect(lines.hosts.map((h) => h.line)).toEqual([1]);
    expect(lines.problems).toEqual([
      { line: 2, field: 'name', reason: 'duplicate', value: 'mw01.example.com' },
      { line: 3, field: 'addresses', reason: 'hostname', value: '¿what?' },
    ]);
  });
});

describe('the installed systems through the API', () => {
  let core: Core;
  let projectId: string;
  let environmentId: string;

  beforeEach(() => {
    core = openTestCore(undefined, { now: () => Date.parse('2026-11-30T09:00:00Z') });
    const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027', product: 'OX App Suite', productVersion: '8.30' }) as ProjectDetail).project.id;
    environmentId = (core.call('systems.addEnvironment', { projectId, kind: 'production', name: 'Live' }) as Inventory).environments[0]!.id;
  });
  afterEach(() => {
    core.close();
    removeTempDirs();
  });

  function refusal(method: Parameters<Core['call']>[0], value: unknown): ApiError {
    const before = dumpDatabase(core);
    let caught: unknown;
    try {
      core.call(method, value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(dumpDatabase(core)).toEqual(before);
    return caught as ApiError;
  }

  it('refuses a bad host name, port, size or a name taken, naming the field, and writes nothing', () => {
    const host = (core.call('systems.addHost', { environmentId, name: 'mw01.example.com', role: 'middleware' }) as Inventory).environments[0]!.hosts[0]!;
    expect(refusal('systems.addHost', { environmentId, name: 'mw 01' }).issues?.[0]).toMatchObject({ field: 'name', reason: 'hostname' });
    expect(refusal('systems.updateHost', { id: host.id, addresses: '10.0.0.11, not_an_address!' }).issues?.[0]).toMatchObject({ field: 'addresses', reason: 'hostname' });
    expect(refusal('systems.updateHost', { id: host.id, ramGb: -1 }).issues?.[0]).toMatchObject({ field: 'ramGb', reason: 'tooSmall' });
    expect(refusal('systems.updateHost', { id: host.id, cpuCores: 2.5 }).issues?.[0]).toMatchObject({ field: 'cpuCores', reason: 'wholeNumber' });
    expect(refusal('systems.addPart', { part: 'endpoint', hostId: host.id, protocol: 'HTTPS', port: 0 }).issues?.[0]).toMatchObject({ field: 'port', reason: 'tooSmall' });
    expect(refusal('systems.addPart', { part: 'endpoint', hostId: host.id, protocol: 'HTTPS', port: 65_536 }).issues?.[0]).toMatchObject({ field: 'port', reason: 'tooLarge' });
    expect(refusal('systems.addHost', { environmentId, name: 'MW01.example.com' })).toMatchObject({ code: 'invalid_input', field: 'name', issues: [{ reason: 'hostTaken' }] });
  });

  it('prefills from the workshops once: a second run adds nothing, and what the consultant typed stays', () => {
    const session = core.call('sessions.create', { projectId, topicKey: 'load-balancing', date: '2026-11-20' }) as { id: string };
    core.call('answers.set', { sessionId: session.id, field: 'productName', value: 'F5 BIG-IP 17' });
    core.call('answers.set', { sessionId: session.id, field: 'nodeHosts', value: ['ox-mw1.nordhafen.example', 'ox-mw2.nordhafen.example'] });
    const first = core.call('systems.prefill', { projectId, environmentId }) as PrefillResult;
    expect(first.added).toEqual([
      { name: 'lb01', role: 'loadBalancer', source: 'load-balancing' },
      { name: 'ox-mw1.nordhafen.example', role: 'middleware', source: 'load-balancing' },
      { name: 'ox-mw2.nordhafen.example', role: 'middleware', source: 'load-balancing' },
    ]);
    const lb = first.inventory.environments[0]!.hosts[0]!;
    expect(lb.components).toMatchObject([{ name: 'F5 BIG-IP', version: '17' }]);
    core.call('systems.updateHost', { id: lb.id, name: 'lb.nordhafen.example', operatingSystem: 'TMOS' });
    const second = core.call('systems.prefill', { projectId, environmentId }) as PrefillResult;
    expect(second.added).toEqual([]);
    expect(second.inventory.environments[0]!.hosts.map((h) => h.name)).toEqual(['lb.nordhafen.example', 'ox-mw1.nordhafen.example', 'ox-mw2.nordhafen.example']);
    expect(second.inventory.environments[0]!.hosts[0]).toMatchObject({ operatingSystem: 'TMOS', source: 'load-balancing' });
  });

  it('imports the good lines of a host list, the ones already there listed as problems', () => {
    core.call('systems.addHost', { environmentId, name: 'mw01.example.com' });
    const text = 'mw01.example.com 10.0.0.11 middleware\nmw02.example.com 10.0.0.12 middleware\nbad_name 10.0.0.13\n';
    const preview = core.call('systems.previewHosts', { environmentId, text }) as { hosts: { name: string }[]; problems: { line: number; reason: string }[] };
    expect(preview.hosts.map((h) => h.name)).toEqual(['mw02.example.com']);
    expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'exists'],
      [3, 'hostname'],
    ]);
    const result = core.call('systems.importHosts', { environmentId, text }) as { added: number; inventory: Inventory };
    expect(result.added).toBe(1);
    expect(result.inventory.environments[0]!.hosts.map((h) => [h.name, h.addresses, h.role])).toEqual([
      ['mw01.example.com', '', 'other'],
      ['mw02.example.com', '10.0.0.12', 'middleware'],
    ]);
  });

  it('removing an environment removes its hosts and their parts', () => {
    const inventory = core.call('systems.addHost', { environmentId, name: 'mw01.example.com' }) as Inventory;
    core.call('systems.addPart', { part: 'endpoint', hostId: inventory.environments[0]!.hosts[0]!.id, protocol: 'AJP', port: 8009 });
    const after = core.call('systems.removeEnvironment', { id: environmentId }) as Inventory;
    expect(after.environments).toEqual([]);
    const db = dumpDatabase(core);
    for (const table of ['system_host', 'system_endpoint']) expect((db[table] as { deleted: number }[]).every((r) => r.deleted === 1)).toBe(true);
  });
});

describe('the installed systems as document blocks and diagram', () => {
  const inventory: Inventory = {
    projectId: 'p',
    environments: [
      {
        id: 'e',
        projectId: 'p',
        kind: 'production',
        name: 'Live',
        notes: '',
        hosts: [
          { id: 'h1', environmentId: 'e', name: 'lb01.example.com', addresses: '10.0.0.2', role: 'loadBalancer', operatingSystem: '', cpuCores: null, ramGb: null, diskGb: null, operator: null, notes: '', source: '', components: [], endpoints: [{ id: 'x', hostId: 'h1', protocol: 'HTTPS', port: 8443, purpose: 'Web' }] },
          ...[1, 2, 3, 4, 5].map((n) => ({ id: `m${n}`, environmentId: 'e', name: `mw0${n}.example.com`, addresses: '', role: 'middleware' as const, operatingSystem: '', cpuCores: 8, ramGb: 32, diskGb: null, operator: 'consultancy' as const, notes: '', source: '', components: [{ id: `c${n}`, hostId: `m${n}`, name: 'OX App Suite', version: '8.30', configLocation: '/opt/open-xchange/etc' }], endpoints: [] })),
        ],
      },
    ],
  };

  it('draws hosts under their role, more than four of one role as one box', () => {
    const diagram = inventoryDiagram(inventory.environments[0]!, 'de');
    expect(diagram.layers.map((l) => [l.label, l.boxes.map((b) => b.title)])).toEqual([
      ['Benutzer', ['Webbrowser', 'Mobile und Desktop-Clients']],
      ['Zugang', ['lb01.example.com']],
      ['Middleware', ['Middleware-Knoten: 5 Hosts']],
    ]);
  });

  it('writes chapters at level 1 per environment, ports without thousands separators', () => {
    const blocks = systemsBlocks(inventory, 'de');
    expect(blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(['Umgebung Produktion: Live']);
    expect(JSON.stringify(blocks)).toContain('"8443"');
  });
});
