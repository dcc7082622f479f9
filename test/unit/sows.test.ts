// Statements of work through the API as every host calls it, on a real SQLite file: started from
// the pack's template and the workshops, numbered per project, exact totals, the refusals the
// issue names (nothing written), versions frozen once sent, signatures, and the diff between
// versions.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import { renumberClashes } from '../../electron/core/sync/numbers.ts';
import type { ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { SowDiff } from '../../shared/sows/diff.ts';
import type { SowDetail, SowSummary } from '../../shared/sows/types.ts';
import { checkPack } from '../../shared/workshops/validate-pack.ts';
import { refused as refusedBy } from '../support/refused.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

const refused = (method: string, input: unknown): ApiError => refusedBy(core, method, input);

/** A blank draft with two effort lines and a complete payment schedule. */
function readySow(): SowDetail {
  const { sow } = call<SowDetail>('sows.create', { projectId, title: 'Pilot' });
  call('sowItems.add', { sowId: sow.id, part: 'effort', role: 'Senior consultant', description: 'Installation', dayHundredths: 250, dailyRate: { minor: 145_000, currency: 'EUR' } });
  call('sowItems.add', { sowId: sow.id, part: 'effort', role: 'Trainer', description: 'Training', dayHundredths: 100, dailyRate: { minor: 125_050, currency: 'EUR' } });
  call('sowItems.add', { sowId: sow.id, part: 'payment', label: 'On signature', percentBasisPoints: 3_000 });
  return call<SowDetail>('sowItems.add', { sowId: sow.id, part: 'payment', label: 'On handover', percentBasisPoints: 7_000 });
}

beforeEach(() => {
  core = openTestCore();
  projectId = call<ProjectDetail>('projects.createSample', { language: 'de' }).project.id;
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('a new SOW', () => {
  it('starts from the template and the agreed workshops: scope and deliverables per topic, decisions as assumptions', () => {
    expect(call('sows.templates', { projectId, language: 'de' })).toEqual([{ key: 'ox-implementation', title: 'Implementierung von Open-Xchange App Suite' }]);
    const detail = call<SowDetail>('sows.create', { projectId, templateKey: 'ox-implementation', fromWorkshops: true, language: 'de' });
    expect(detail.sow).toMatchObject({ number: 1, version: 1, status: 'draft', currency: 'EUR', title: 'Implementierung von Open-Xchange App Suite' });
    expect(detail.effortLines.map((l) => l.description)).toEqual([
      'Installation des Testsystems',
      'Anbindung der Provisionierung',
      'Authentifizierung',
      'Lastverteilung',
      'Branding',
      'Benutzer- und Datenmigration',
      'Schulung der Administratoren und des First-Level-Supports',
      'Interne Abnahme',
      'Übergabe in den Betrieb',
      'Projektleitung',
    ]);
    // The sample's load-balancing workshop has every required answer: it is agreed.
    expect(detail.sow.scopeIn).toMatch(/- Lastverteilung: wie im Workshop vom \d\d\.\d\d\.\d{4} vereinbart$/);
    expect(detail.deliverables.at(-1)).toMatchObject({ title: 'Lastverteilung wie vereinbart umgesetzt', position: 10 });
    expect(detail.sow.assumptions).toContain('- Der vorhandene F5 terminiert TLS; Sitzungen bleiben per JSESSIONID-Route gebunden.');
    // Payments due with the template's milestones, which exist in the SOW.
    const milestones = new Map(detail.milestones.map((m) => [m.id, m.title]));
    expect(detail.payments.map((p) => [p.label, p.percentBasisPoints, p.milestoneId && milestones.get(p.milestoneId)])).toEqual([
      ['Bei Unterzeichnung', 3_000, null],
      ['Testsystem bereit', 2_000, 'Testsystem bereit'],
      ['Interne Abnahme', 3_000, 'Interne Abnahme'],
      ['Übergabe', 2_000, 'Übergabe'],
    ]);
    // 20.5 senior days at 1,450, 3 at 1,150... worked out exactly.
    expect(detail.totals).toMatchObject({ dayHundredths: 2_450, subtotalMinor: 3_362_500, discountMinor: 0, totalMinor: 3_362_500, paymentBasisPoints: 10_000 });
    expect(detail.totals.payments.map((p) => p.amountMinor)).toEqual([1_008_750, 672_500, 1_008_750, 672_500]);
    expect(detail.warnings).toEqual([]);
  });

  it('is numbered SOW-01, SOW-02 per project, and a removed draft keeps its number', () => {
    const first = call<SowDetail>('sows.create', { projectId });
    const second = call<SowDetail>('sows.create', { projectId, title: 'Migration' });
    expect([first.sow.number, second.sow.number]).toEqual([1, 2]);
    expect(second.sow.title).toBe('Migration');
    expect(first.sow.title).toBe('Statement of work');
    call('sows.remove', { id: second.sow.id });
    expect(call<SowDetail>('sows.create', { projectId }).sow.number).toBe(3);
    expect(call<SowSummary[]>('sows.list', { projectId }).map((s) => s.number)).toEqual([1, 3]);
  });
});

describe('the fee', () => {
  it('adds discount and expenses exactly, and keeps the payment amounts summing to the total', () => {
    const { sow } = readySow();
    const detail = call<SowDetail>('sows.update', { id: sow.id, discountBasisPoints: 333, expensesMode: 'perTrip', expenses: { minor: 38_050, currency: 'EUR' }, expensesTrips: 3 });
    // 2.5 × 1,450.00 + 1 × 1,250.50 = 4,875.50; 3.33 % discount = 162.35 (162.3541…); 3 trips × 380.50.
    expect(detail.totals).toMatchObject({ subtotalMinor: 487_550, discountMinor: 16_235, expensesMinor: 114_150, totalMinor: 585_465 });
    expect(detail.totals.payments.map((p) => p.amountMinor)).toEqual([175_640, 409_825]);
    expect(detail.totals.byRole).toEqual([
      { role: 'Senior consultant', dayHundredths: 250, totalMinor: 362_500 },
      { role: 'Trainer', dayHundredths: 100, totalMinor: 125_050 },
    ]);
  });

  it('refuses negative days and rates, a currency mix, and a currency change under amounts, writing nothing', () => {
    const { sow, effortLines } = readySow();
    expect(refused('sowItems.add', { sowId: sow.id, part: 'effort', dayHundredths: -25 })).toMatchObject({ code: 'invalid_input', field: 'dayHundredths' });
    expect(refused('sowItems.update', { part: 'effort', id: effortLines[0]!.id, dailyRate: { minor: -1, currency: 'EUR' } })).toMatchObject({ code: 'invalid_input', field: 'dailyRate.minor' });
    const mix = refused('sowItems.update', { part: 'effort', id: effortLines[0]!.id, dailyRate: { minor: 150_000, currency: 'CHF' } });
    expect(mix).toMatchObject({ code: 'invalid_input', field: 'dailyRate.currency' });
    expect(mix.message).toContain('SOW-01 is in EUR; one SOW has one currency');
    expect(refused('sows.update', { id: sow.id, expensesMode: 'flat', expenses: { minor: 100, currency: 'USD' } })).toMatchObject({ field: 'expenses.currency' });
    expect(refused('sows.update', { id: sow.id, currency: 'GBP' })).toMatchObject({ field: 'currency' });
  });

  it('warns, without refusing, when the offer is no longer valid', () => {
    const { sow } = readySow();
    const detail = call<SowDetail>('sows.update', { id: sow.id, validUntil: '2020-01-31' });
    expect(detail.warnings).toEqual([{ code: 'validityPassed', field: 'validUntil', validUntil: '2020-01-31' }]);
    expect(call<SowDetail>('sows.send', { id: sow.id }).sow.status).toBe('sent');
  });
});

describe('versions', () => {
  it('refuses to send a payment schedule that does not add up to 100 %', () => {
    const { sow, payments } = readySow();
    call('sowItems.update', { part: 'payment', id: payments[1]!.id, percentBasisPoints: 6_000 });
    const error = refused('sows.send', { id: sow.id });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'payments' });
    expect(error.message).toContain('adds up to 90 %, not 100 %');
    expect(call<SowDetail>('sows.get', { id: sow.id }).warnings).toEqual([{ code: 'paymentsIncomplete', field: 'payments', basisPoints: 9_000 }]);
  });

  it('freezes a sent version: every change to it or its parts is refused, naming the field and what to do', () => {
    const { sow, effortLines } = readySow();
    const sent = call<SowDetail>('sows.send', { id: sow.id, date: '2026-11-30' });
    expect(sent.sow).toMatchObject({ status: 'sent', sentOn: '2026-11-30', customerParty: 'Stadtwerke Nordhafen GmbH\nHafenstraße 12\n20457 Hamburg\nGermany' });
    const error = refused('sows.update', { id: sow.id, scopeIn: 'More' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'scopeIn', message: 'scopeIn: SOW-01 version 1 was sent on 30.11.2026: start version 2 to change it' });
    expect(refused('sowItems.update', { part: 'effort', id: effortLines[0]!.id, dayHundredths: 300 })).toMatchObject({ field: 'dayHundredths' });
    expect(refused('sowItems.add', { sowId: sow.id, part: 'deliverable', title: 'Extra' })).toMatchObject({ field: 'sowId' });
    expect(refused('sowItems.remove', { part: 'effort', id: effortLines[0]!.id })).toMatchObject({ field: 'id' });
    expect(refused('sowItems.move', { part: 'effort', id: effortLines[1]!.id, position: 1 })).toMatchObject({ field: 'position' });
    expect(refused('sows.remove', { id: sow.id })).toMatchObject({ field: 'id' });
    expect(refused('sows.send', { id: sow.id })).toMatchObject({ field: 'id' });
    // Unchanged, and readable as sent: the customer moving later changes nothing in it.
    const project = call<ProjectDetail>('projects.get', { id: projectId });
    call('customers.update', { id: project.customer.id, address: 'Kaistraße 1\n20457 Hamburg' });
    expect(call<SowDetail>('sows.get', { id: sow.id })).toEqual(sent);
  });

  it('starts version 2 as a copy with every part, supersedes version 1 when it is sent, and is signed by both sides', () => {
    const { sow } = readySow();
    const sent = call<SowDetail>('sows.send', { id: sow.id, date: '2026-11-30' });
    const v2 = call<SowDetail>('sows.newVersion', { id: sow.id });
    expect(v2.sow).toMatchObject({ number: 1, version: 2, status: 'draft', seriesId: sow.id, copiedFrom: sow.id, title: 'Pilot', sentOn: null, customerParty: '' });
    expect(v2.effortLines.map((l) => [l.originId, l.dayHundredths, l.rateMinor])).toEqual(sent.effortLines.map((l) => [l.id, l.dayHundredths, l.rateMinor]));
    expect(v2.totals.totalMinor).toBe(sent.totals.totalMinor);
    expect(refused('sows.newVersion', { id: sow.id }).message).toBe('id: SOW-01 version 2 is a draft already: change that one');
    // Editing version 1 now points at the draft.
    expect(refused('sows.update', { id: sow.id, title: 'x' }).message).toBe('title: SOW-01 version 1 was sent on 30.11.2026: change version 2, the draft');
    call('sowItems.update', { part: 'effort', id: v2.effortLines[0]!.id, dayHundredths: 300 });
    call<SowDetail>('sows.send', { id: v2.sow.id, date: '2026-12-07' });
    expect(call<SowDetail>('sows.get', { id: sow.id }).sow).toMatchObject({ status: 'superseded', supersededOn: '2026-12-07', supersededById: v2.sow.id });
    expect(call<SowDetail>('sows.get', { id: sow.id }).effortLines).toEqual(sent.effortLines);
    expect(refused('sows.sign', { id: v2.sow.id, side: 'customer', name: 'Jonas Weber', date: '2026-12-01' }).message).toContain('cannot be signed before');
    const half = call<SowDetail>('sows.sign', { id: v2.sow.id, side: 'customer', name: 'Jonas Weber', date: '2026-12-09' });
    expect(half.sow).toMatchObject({ status: 'sent', customerSignedBy: 'Jonas Weber', customerSignedOn: '2026-12-09' });
    const signed = call<SowDetail>('sows.sign', { id: v2.sow.id, side: 'consultancy', name: 'Miriam Kaya', date: '2026-12-10' });
    expect(signed.sow).toMatchObject({ status: 'signed', consultancySignedBy: 'Miriam Kaya', consultancySignedOn: '2026-12-10' });
    expect(refused('sows.update', { id: v2.sow.id, title: 'x' }).message).toBe('title: SOW-01 version 2 was signed on 10.12.2026: start version 3 to change it');
    expect(signed.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'signed'],
    ]);
    expect(call<SowSummary[]>('sows.list', { projectId })).toEqual([expect.objectContaining({ id: v2.sow.id, number: 1, version: 2, status: 'signed' })]);
  });

  it('records a rejection, and a draft can be neither signed nor rejected', () => {
    const { sow } = readySow();
    expect(refused('sows.sign', { id: sow.id, side: 'customer', name: 'Jonas Weber', date: '2026-12-01' }).message).toContain('is a draft: send it before it is signed');
    expect(refused('sows.reject', { id: sow.id, date: '2026-12-01' })).toMatchObject({ field: 'id' });
    call('sows.send', { id: sow.id, date: '2026-11-30' });
    const rejected = call<SowDetail>('sows.reject', { id: sow.id, name: 'Jonas Weber', date: '2026-12-02', reason: 'Budget frozen until March' });
    expect(rejected.sow).toMatchObject({ status: 'rejected', rejectedOn: '2026-12-02', rejectedBy: 'Jonas Weber', rejectionReason: 'Budget frozen until March' });
    expect(call<SowDetail>('sows.newVersion', { id: sow.id }).sow.version).toBe(2);
  });

  it('tells two versions apart field by field, long texts word by word, parts matched across versions', () => {
    const { sow } = readySow();
    call('sows.update', { id: sow.id, scopeIn: 'Installation of the test system and the provisioning integration.' });
    call('sowItems.add', { sowId: sow.id, part: 'deliverable', title: 'Test system installed' });
    call('sows.send', { id: sow.id, date: '2026-11-30' });
    const v2 = call<SowDetail>('sows.newVersion', { id: sow.id });
    call('sows.update', { id: v2.sow.id, title: 'Pilot and rollout', scopeIn: 'Installation of the production system and the provisioning integration.' });
    call('sowItems.update', { part: 'effort', id: v2.effortLines[1]!.id, dayHundredths: 200 });
    call('sowItems.remove', { part: 'deliverable', id: v2.deliverables[0]!.id });
    call('sowItems.add', { sowId: v2.sow.id, part: 'milestone', title: 'Go-live' });
    const diff = call<SowDiff>('sows.diff', { fromId: sow.id, toId: v2.sow.id });
    expect(diff.fields.map((f) => f.field)).toEqual(['title', 'scopeIn']);
    expect(diff.fields.find((f) => f.field === 'title')).toEqual({ field: 'title', from: 'Pilot', to: 'Pilot and rollout' });
    const scope = diff.fields.find((f) => f.field === 'scopeIn')!;
    expect(scope.words!.filter((w) => w.change !== 'same').map((w) => [w.change, w.text.trim()])).toEqual([
      ['removed', 'test'],
      ['added', 'production'],
    ]);
    expect(diff.items).toEqual([
      {
        part: 'deliverable',
        originId: v2.deliverables[0]!.originId,
        change: 'removed',
        label: 'Test system installed',
        fields: [
          { field: 'title', from: 'Test system installed', to: null },
          { field: 'acceptanceCriteria', from: '', to: null },
        ],
      },
      { part: 'milestone', originId: expect.any(String), change: 'added', label: 'Go-live', fields: [{ field: 'title', from: null, to: 'Go-live' }] },
      { part: 'effort', originId: v2.effortLines[1]!.originId, change: 'changed', label: 'Training', fields: [{ field: 'dayHundredths', from: 100, to: 200 }] },
    ]);
    expect(refused('sows.diff', { fromId: sow.id, toId: readySow().sow.id })).toMatchObject({ field: 'toId' });
  });
});

describe('numbers after a sync', () => {
  it('gives an SOW that arrived with a number taken the next free one, its versions following it', () => {
    const first = readySow();
    call('sows.send', { id: first.sow.id });
    const v2 = call<SowDetail>('sows.newVersion', { id: first.sow.id });
    const other = call<SowDetail>('sows.create', { projectId });
    // As if a colleague's SOW-01 had come in through the share.
    core.store.apply([{ entity: 'sow', id: other.sow.id, field: 'number', value: 1 }]);
    renumberClashes(core.store);
    expect(call<SowDetail>('sows.get', { id: other.sow.id }).sow).toMatchObject({ number: 2, formerNumbers: [1] });
    expect(call<SowDetail>('sows.get', { id: v2.sow.id }).sow).toMatchObject({ number: 1, formerNumbers: [] });
    expect(call<SowDetail>('sows.create', { projectId }).sow.number).toBe(3);
  });
});

describe('SOW templates in a template pack', () => {
  it('are checked on import: payments naming milestones the template has, adding up to 100 %, days with two decimals at most', () => {
    const pack = JSON.parse(readFileSync('resources/packs/ox-app-suite.json', 'utf8')) as { sowTemplates: Record<string, unknown>[] };
    expect(checkPack(JSON.stringify(pack)).ok).toBe(true);
    const template = pack.sowTemplates[0] as { payments: { percent: number; milestone?: string }[]; effort: { days: number }[] };
    template.payments[1]!.milestone = 'go-live';
    template.payments[2]!.percent = 25;
    template.effort[0]!.days = 2.555;
    const check = checkPack(JSON.stringify(pack));
    expect(check.ok ? [] : check.problems).toEqual([
      { path: 'sowTemplates[0].effort[0].days', message: 'At most two decimals' },
    ]);
    template.effort[0]!.days = 2.5;
    const second = checkPack(JSON.stringify(pack));
    expect(second.ok ? [] : second.problems).toEqual([
      { path: 'sowTemplates[0].payments[1].milestone', message: 'No milestone "go-live" in this template' },
      { path: 'sowTemplates[0].payments', message: 'The payments add up to 95 %, not 100 %' },
    ]);
  });
});
