// The handover protocol exported as PDF and DOCX and read back as a customer's reader would: the
// escalation path level by level, the project's people, the open checklist items, the known
// limitations, the support ticket test, the acceptance and the three signature blocks, in German
// and in English; the DOCX is well-formed XML throughout (readDocx parses every part).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import type { Inventory } from '../../shared/systems/types.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;

beforeAll(() => {
  core = openTestCore(undefined, { now: () => Date.parse('2026-12-18T09:00:00Z') });
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  const anja = core.call('people.create', { name: 'Dr. Anja Petersen', side: 'customer', email: 'a.petersen@nordhafen.example' }) as Person;
  const miriam = core.call('people.create', { name: 'Miriam Kaya', side: 'consultancy', phone: '+49 40 555 0100' }) as Person;
  core.call('members.add', { projectId, personId: anja.id, role: 'CIO' });
  core.call('members.add', { projectId, personId: miriam.id, role: 'Lead consultant' });
  const { environments } = core.call('systems.addEnvironment', { projectId, kind: 'production' }) as Inventory;
  core.call('systems.addHost', { environmentId: environments[0]!.id, name: 'mw01.nordhafen.example', role: 'middleware', addresses: '10.20.0.11' });
  core.call('handover.addContact', { projectId, personId: anja.id, level: 1, responsibility: 'Betrieb der Plattform', reach: 'Mo–Fr 8–17 Uhr' });
  core.call('handover.addContact', { projectId, personId: miriam.id, level: 2, responsibility: 'Eskalation Konfiguration' });
  core.call('requirements.create', { projectId, title: 'Zweites MX-Relay einrichten', responsibleId: anja.id, dueDate: '2027-01-15', ownerSide: 'customer' });
  core.call('handover.update', {
    projectId,
    knownLimitations: 'Die Volltextsuche ist noch nicht aktiviert.',
    ticketTestBy: 'Miriam Kaya',
    ticketTestOn: '2026-12-14',
    ticketNumber: 'INC-4711',
    ticketResult: 'passed',
    acceptedOn: '2026-12-15',
    acceptedBy: 'Dr. Anja Petersen',
  });
});
afterAll(() => {
  core.close();
  removeTempDirs();
});

async function texts(language: 'de' | 'en'): Promise<{ pdf: string; docx: string }> {
  const result = (await core.call('documents.export', { projectId, document: 'handover', formats: ['pdf', 'docx'], language })) as ExportResult;
  const bytes = (format: string) => Buffer.from(result.files.find((f) => f.format === format)!.base64, 'base64');
  const pdf = (await readPdf(bytes('pdf'))).pages.map((p) => p.text).join('\n');
  const docx = (await readDocx(bytes('docx')))['word/document.xml']!;
  return { pdf, docx };
}

describe('the handover protocol', () => {
  it('carries every part of the handover in German', async () => {
    const { pdf, docx } = await texts('de');
    for (const text of [pdf, docx]) {
      for (const expected of [
        'Übergabeprotokoll',
        'Zuständige und Eskalationsweg',
        'Betrieb der Plattform',
        'Mo–Fr 8–17 Uhr',
        'Eskalation Konfiguration',
        'R-001',
        'Zweites MX-Relay einrichten',
        '15.01.2027',
        'Die Volltextsuche ist noch nicht aktiviert.',
        'INC-4711',
        'Bestanden',
        '14.12.2026',
        'Abgenommen von Dr. Anja Petersen am 15.12.2026.',
        'Support (übernehmend)',
        'Testzugänge und Zugangsdaten',
        'Installierte Systeme',
        'mw01.nordhafen.example',
      ]) {
        expect(text, expected).toContain(expected);
      }
    }
    // A long address may wrap in a table cell of the PDF; the DOCX keeps it in one run.
    expect(docx).toContain('a.petersen@nordhafen.example');
    // The standard wording, as no statement of its own was typed.
    expect(pdf).toContain('Stadtwerke Nordhafen nimmt die Plattform des Projekts Webmail 2027');
  });

  it('is written in English when asked', async () => {
    const { pdf } = await texts('en');
    expect(pdf).toContain('Handover protocol');
    expect(pdf).toContain('People in charge and escalation path');
    expect(pdf).toContain('Accepted by Dr. Anja Petersen on Dec 15, 2026.');
    expect(pdf).toContain('remains in charge of them');
    expect(pdf).not.toContain('Übergabe');
  });
});
