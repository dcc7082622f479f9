// The technical documentation of the installed systems exported as PDF and DOCX and read back as
// the customer's reader would: per environment the hosts, the software with its versions, the
// endpoints and ports, the configuration notes and where the configuration lives, the diagram and
// the sign-off; German headings in German. And made by the command line (--document systems).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import type { Inventory } from '../../shared/systems/types.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let core: Core;
let dir: string;
let projectId: string;

beforeAll(() => {
  dir = tempDir();
  core = openTestCore(dir, { now: () => Date.parse('2026-12-18T09:00:00Z') });
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  const production = (core.call('systems.addEnvironment', { projectId, kind: 'production', name: 'Nordhafen live', notes: 'Nur über das Kunden-VPN erreichbar.' }) as Inventory).environments[0]!.id;
  core.call('systems.addEnvironment', { projectId, kind: 'test', name: 'Labor' });
  const inventory = core.call('systems.importHosts', {
    environmentId: production,
    text: 'lb01.nordhafen.example 10.20.0.2 loadbalancer\nox-mw1.nordhafen.example 10.20.0.11 middleware\ndb1.nordhafen.example 10.20.0.21 mysql-primary\n',
  }) as { inventory: Inventory };
  const [lb, mw] = inventory.inventory.environments.find((e) => e.id === production)!.hosts;
  core.call('systems.updateHost', { id: mw!.id, operatingSystem: 'Debian 12', cpuCores: 8, ramGb: 32, diskGb: 100, operator: 'consultancy', notes: 'Heap auf 16 GB gesetzt, siehe Betriebshandbuch.' });
  core.call('systems.addPart', { part: 'component', hostId: mw!.id, name: 'OX App Suite', version: '8.30.0', configLocation: '/opt/open-xchange/etc' });
  core.call('systems.addPart', { part: 'endpoint', hostId: mw!.id, protocol: 'AJP', port: 8009, purpose: 'Vom Loadbalancer' });
  core.call('systems.addPart', { part: 'endpoint', hostId: lb!.id, protocol: 'HTTPS', port: 443, purpose: 'Webmail für Benutzer' });
});
afterAll(() => {
  core.close();
  removeTempDirs();
});

async function texts(language: 'de' | 'en'): Promise<{ pdf: string; docx: string; outline: string[] }> {
  const result = (await core.call('documents.export', { projectId, document: 'systems', formats: ['pdf', 'docx'], language })) as ExportResult;
  const bytes = (format: string) => Buffer.from(result.files.find((f) => f.format === format)!.base64, 'base64');
  const read = await readPdf(bytes('pdf'));
  const docx = (await readDocx(bytes('docx')))['word/document.xml']!;
  return { pdf: read.pages.map((p) => p.text).join('\n'), docx, outline: read.outline };
}

describe('the technical documentation of the installed systems', () => {
  it('carries hosts, versions, ports, configuration and the sign-off, with German headings', async () => {
    const { pdf, docx, outline } = await texts('de');
    for (const text of [pdf, docx]) {
      for (const expected of [
        'Technische Dokumentation der installierten Systeme',
        'Umgebung Produktion: Nordhafen live',
        'Umgebung Test: Labor',
        'Nur über das Kunden-VPN erreichbar.',
        'lb01.nordhafen.example',
        'ox-mw1.nordhafen.example',
        'db1.nordhafen.example',
        'MySQL-Primärserver',
        'Debian 12',
        'Beratung',
        'OX App Suite',
        '8.30.0',
        '/opt/open-xchange/etc',
        '8009',
        '443',
        'Vom Loadbalancer',
        'Heap auf 16 GB gesetzt, siehe Betriebshandbuch.',
        'Software und Versionen',
        'Endpunkte und Ports',
        'Konfiguration',
        'Architektur',
        'Die installierte Plattform: Nordhafen live',
        'Für diese Umgebung sind keine Hosts erfasst.',
        'Bestätigung',
        'Support-Team',
        'Ort, Datum, Name',
      ]) {
        expect(text, expected).toContain(expected);
      }
    }
    expect(pdf).toContain('32 GB RAM');
    expect(outline).toEqual(expect.arrayContaining(['1  Überblick', '3  Umgebung Produktion: Nordhafen live', '4  Bestätigung']));
    expect(pdf).not.toContain('Endpoints and ports');
  });

  it('is written in English when asked', async () => {
    const { pdf } = await texts('en');
    for (const expected of ['Technical documentation of the installed systems', 'Production environment: Nordhafen live', 'Software and versions', 'Endpoints and ports', 'MySQL primary', 'Debian 12', '8009']) expect(pdf, expected).toContain(expected);
    expect(pdf).not.toContain('Endpunkte');
  });

  it('is made by the command line with --document systems', () => {
    core.close();
    const out = join(tempDir(), 'systems.pdf');
    const cli = spawnSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dir, 'export', '--project', projectId, '--document', 'systems', '--format', 'pdf', '--lang', 'de', '--out', out], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    core = openTestCore(dir);
  });
});
