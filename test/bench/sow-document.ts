// A statement of work as long as asked for, for the documents benchmark: `deliverables` deliverables
// and as many effort lines over six roles (so the effort chart has bars), each with acceptance
// criteria, a payment schedule, every text of the template. Pure data, made as the export makes it.
import { DEFAULT_BRANDING } from '../../shared/documents/frame.ts';
import type { DocumentModel } from '../../shared/documents/model.ts';
import { sowDocument } from '../../shared/documents/sow.ts';
import type { Customer, Project } from '../../shared/domain.ts';
import { sowTotals } from '../../shared/sows/totals.ts';
import type { Deliverable, EffortLine, Milestone, Payment, Sow, SowDetail, SowRole } from '../../shared/sows/types.ts';

const TEXT =
  'Die Middleware wird auf zwei Knoten hinter dem vorhandenen F5 installiert; Sitzungen bleiben per JSESSIONID-Route gebunden. Größere Änderungen am Provisionierungssystem sind nicht Teil dieses Leistungsscheins und werden über Änderungsanträge geregelt.';
const ROLES = ['Projektleiter', 'Senior-Berater', 'Berater', 'Trainer', 'Architekt', 'Migrationsspezialist'];

export function longSow(deliverables: number): DocumentModel {
  const child = (i: number) => ({ id: `item-${i}`, sowId: 'sow', position: i + 1, originId: `item-${i}` });
  const milestones: Milestone[] = Array.from({ length: 8 }, (_, i) => ({ ...child(i), title: `Meilenstein ${i + 1}`, dueDate: `2027-0${1 + (i % 9)}-15` }));
  const effortLines: EffortLine[] = Array.from({ length: deliverables }, (_, i) => ({
    ...child(i),
    role: ROLES[i % ROLES.length]!,
    description: `Arbeitspaket ${i + 1}: Einrichtung, Test und Dokumentation`,
    dayHundredths: 25 * (1 + (i % 17)),
    rateMinor: 115_000 + 2_500 * (i % 5),
  }));
  const payments: Payment[] = milestones.map((m, i) => ({ ...child(i), label: `Rate ${i + 1}`, percentBasisPoints: 1_250, milestoneId: m.id, dueDate: null }));
  const sow: Sow = {
    id: 'sow',
    projectId: 'project',
    number: 1,
    formerNumbers: [],
    seriesId: 'sow',
    version: 3,
    copiedFrom: null,
    title: 'Implementierung von Open-Xchange App Suite',
    status: 'sent',
    frameworkAgreement: 'Rahmenvertrag RV-2026-17',
    date: '2026-11-30',
    currency: 'EUR',
    background: `${TEXT}\n\n${TEXT}`,
    objectives: TEXT,
    scopeIn: Array.from({ length: 30 }, (_, i) => `- Leistung ${i + 1}: ${TEXT.slice(0, 90)}`).join('\n'),
    scopeOut: TEXT,
    acceptanceProcedure: `${TEXT}\n\n${TEXT}`,
    assumptions: Array.from({ length: 20 }, (_, i) => `- Annahme ${i + 1}: ${TEXT.slice(0, 120)}`).join('\n'),
    dependencies: TEXT,
    changeControl: TEXT,
    validUntil: '2026-12-30',
    discountBasisPoints: 500,
    expensesMode: 'perTrip',
    expensesMinor: 38_050,
    expensesTrips: 12,
    paymentMode: 'milestone',
    customerParty: 'Stadtwerke Nordhafen GmbH\nHafenstraße 12\n20457 Hamburg',
    consultancyParty: 'Fieldbook Consulting GmbH\nAm Sandtorkai 5\n20457 Hamburg',
    sentOn: '2026-11-30',
    sentBy: 'Miriam Kaya',
    customerSignedBy: '',
    customerSignedOn: null,
    consultancySignedBy: '',
    consultancySignedOn: null,
    rejectedOn: null,
    rejectedBy: '',
    rejectionReason: '',
    supersededOn: null,
    supersededById: null,
    createdAt: '2026-11-30T09:00:00.000Z',
  };
  const detail: SowDetail = {
    sow,
    deliverables: Array.from({ length: deliverables }, (_, i): Deliverable => ({ ...child(i), title: `Lieferergebnis ${i + 1}`, acceptanceCriteria: TEXT, dueDate: '2027-03-31' })),
    milestones,
    roles: ROLES.map((role, i): SowRole => ({ ...child(i), side: i % 2 ? 'customer' : 'consultancy', role, responsibilities: TEXT })),
    effortLines,
    payments,
    totals: sowTotals(sow, effortLines, payments),
    warnings: [],
    versions: [],
  };
  const customer: Customer = { id: 'customer', name: 'Stadtwerke Nordhafen GmbH', address: 'Hafenstraße 12\n20457 Hamburg', notes: '', logo: null, archived: false, createdAt: '' };
  const project = { id: 'project', name: 'Webmail-Ablösung 2027' } as Project;
  return sowDocument({
    language: 'de',
    date: '2026-11-30',
    version: 1,
    author: 'Miriam Kaya',
    branding: { ...DEFAULT_BRANDING, consultancyName: 'Fieldbook Consulting GmbH' },
    revisions: [],
    changeNote: '',
    project,
    customer,
    detail,
    parties: { customer: sow.customerParty, consultancy: sow.consultancyParty },
  });
}
