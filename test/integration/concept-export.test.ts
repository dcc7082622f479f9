// The implementation concept made through the API and read back: the agreed design in sentences
// from the pack's statements (not a field dump), tables, notes from the hints, decisions and open
// points with owners, who delivers what, the architecture diagram from the answers, the sizing
// with its assumptions and their sources, and the topics still to agree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import { defaultSizingInput } from '../../shared/workshops/sizing.ts';
import type { WorkshopSession } from '../../shared/workshops/types.ts';
import { contentsPages, docxToPdf, SOFFICE } from '../support/libreoffice.ts';
import { readDocx, readPdf } from '../support/read-documents.ts';
import { OOXML_VALIDATOR, validateOoxml } from '../support/validate-ooxml.ts';
import { openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
let owner: Person;

function answer(topicKey: string, values: Record<string, unknown>): void {
  const session = core.call('sessions.create', { projectId, topicKey }) as WorkshopSession;
  for (const [field, value] of Object.entries(values)) core.call('answers.set', { sessionId: session.id, field, value });
}

beforeEach(() => {
  core = openTestCore();
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  owner = core.call('people.create', { name: 'Jonas Weber', side: 'customer' }) as Person;
  core.call('members.add', { projectId, personId: owner.id });
  answer('authentication', { contextModel: 'One context per municipality.', authPlugin: 'ldap', ldapHosts: ['ldap1.example.com', 'ldap2.example.com'], sso: false });
  answer('architecture-split', { middlewareDeliveredBy: 'vendor', middlewareNodes: 3, mysqlDeliveredBy: 'customer' });
  answer('mysql', { replication: 'master-slave', configDbHost: 'db1.example.com' });
  answer('monitoring', { collector: 'prometheus', thresholds: [{ metric: 'sessions', warning: 40_000, critical: 48_000 }] });
  core.call('decisions.add', { projectId, topicKey: 'authentication', text: 'Log in against the existing OpenLDAP' });
  core.call('questions.add', { projectId, topicKey: 'mysql', text: 'Who runs the replication monitor?', ownerId: owner.id, dueDate: '2026-12-05' });
  const sizing = defaultSizingInput();
  sizing.accountTypes[0]!.mailboxes = 120_000;
  core.call('sizing.save', { projectId, input: sizing });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('the implementation concept', () => {
  it('writes the agreed design as text, with decisions, open points, who delivers what, diagram and sizing', async () => {
    const result = (await core.call('documents.export', { projectId, document: 'concept', formats: ['pdf', 'docx'], language: 'en' })) as ExportResult;
    const pdf = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).pages.map((p) => p.text).join(' ');
    for (const expected of [
      'Customer implementation concept',
      'Users log in through the LDAP authentication plugin.',
      'The LDAP servers are ldap1.example.com and ldap2.example.com.',
      'Single sign-on is not used.',
      'It replicates as Master-slave.',
      'Caution: Master-slave replication needs a replication monitor',
      'Log in against the existing OpenLDAP',
      'Who runs the replication monitor? Jonas Weber Dec 5, 2026',
      'App middleware Vendor / consultancy 3 nodes',
      'Middleware 1',
      'Active sessions 40,000 48,000',
      'OX App Suite administration documentation: plan at least 1 MB heap per session',
      'Not yet agreed',
    ]) {
      expect(pdf, expected).toContain(expected);
    }
    // Topics agreed are sections; those not discussed are listed, not left out silently.
    expect(pdf).toMatch(/Not yet agreed .*Load balancing/);
    const docx = await readDocx(Buffer.from(result.files[1]!.base64, 'base64'));
    expect(docx['word/document.xml']).toContain('Users log in through the LDAP authentication plugin.');
    expect(docx['word/document.xml']).toContain('Who delivers what');
    const file = join(tempDir(), 'concept.docx');
    writeFileSync(file, Buffer.from(result.files[1]!.base64, 'base64'));
    if (OOXML_VALIDATOR) expect((await validateOoxml(file)).errors).toEqual([]);
  });

  it('puts a decision in place of the answer it changes, and lists contradictions across topics as open points', async () => {
    answer('authentication', { authPlugin: 'ldap', sso: true, ssoPasswordClients: ['imap'] });
    core.call('decisions.add', { projectId, topicKey: 'authentication', fieldKey: 'sso', text: 'Single sign-on follows in phase 2; users keep their LDAP password until then.' });
    answer('load-balancing', { nodeHosts: ['app1.example.com', 'app2.example.com', 'app3.example.com', 'app4.example.com', 'app5.example.com'] });
    answer('technology-transfer', { concurrentSessions: 9_000 });
    answer('imap', { aclSupport: 'yes', capabilities: ['IMAP4rev1', 'SORT'] });
    for (const language of ['en', 'de'] as const) {
      const result = (await core.call('documents.export', { projectId, document: 'concept', formats: ['pdf'], language })) as ExportResult;
      const pdf = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).pages.map((p) => p.text).join(' ').replace(/\s+/g, ' ');
      if (language === 'en') {
        expect(pdf).toContain('Single sign-on, as decided: Single sign-on follows in phase 2');
        expect(pdf).not.toContain('Single sign-on is used');
        // What only followed from the overruled answer goes too.
        expect(pdf).not.toContain('These clients still need a password');
        expect(pdf).toContain('Contradictions to resolve');
        expect(pdf).toContain('Middleware nodes: the sizing gives 3 nodes, the load balancer lists 5 nodes.');
        expect(pdf).toContain('Concurrent sessions: the sizing calculates 6,000 sessions, the customer expects 9,000 sessions.');
        expect(pdf).toContain('ACL support is set to “Yes”, but the server does not announce ACL among its capabilities.');
      } else {
        expect(pdf).toContain('Single Sign-on, laut Entscheidung: Single sign-on follows in phase 2');
        expect(pdf).not.toContain('Single Sign-on wird genutzt');
        expect(pdf).toContain('Zu klärende Widersprüche');
        expect(pdf).toContain('Middleware-Knoten: Die Dimensionierung ergibt 3 Knoten, der Loadbalancer nennt 5 Knoten.');
        expect(pdf).toContain('Gleichzeitige Sitzungen: Die Dimensionierung berechnet 6.000 Sitzungen, der Kunde erwartet 9.000 Sitzungen.');
      }
    }
    // The workshops show the same findings on the topics they concern; answering them away ends them.
    const topic = core.call('workshops.topic', { projectId, topicKey: 'load-balancing' }) as { contradictions: { key: string }[] };
    expect(topic.contradictions.map((c) => c.key)).toEqual(['middleware-nodes-sizing-vs-load-balancer']);
    answer('load-balancing', { nodeHosts: ['app1.example.com', 'app2.example.com', 'app3.example.com'] });
    const after = core.call('workshops.overview', { projectId }) as { contradictions: { key: string }[] };
    expect(after.contradictions.map((c) => c.key)).not.toContain('middleware-nodes-sizing-vs-load-balancer');
  });

  it('refuses a decision on a field its topic does not have, naming fieldKey', () => {
    expect(() => core.call('decisions.add', { projectId, topicKey: 'authentication', fieldKey: 'nodes', text: 'x' })).toThrow(/fieldKey/);
  });

  it.skipIf(!SOFFICE)('shows, in the contents of the DOCX as LibreOffice lays it out, the page each heading is on', async () => {
    const result = (await core.call('documents.export', { projectId, document: 'concept', formats: ['pdf', 'docx'], language: 'en' })) as ExportResult;
    // Every heading is in the contents (levels 1 and 2), as in the PDF's bookmarks.
    const titles = (await readPdf(Buffer.from(result.files[0]!.base64, 'base64'))).outline.map((t) => t.replace(/\s+/g, ' '));
    const laidOut = await readPdf(docxToPdf(Buffer.from(result.files[1]!.base64, 'base64')));
    expect(contentsPages(laidOut.pages, titles).filter((p) => p.listed !== p.actual)).toEqual([]);
  }, 180_000);
});
