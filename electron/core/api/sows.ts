// Statements of work: numbered per project (SOW-01), written as a draft, then sent (frozen: a
// change starts the next version), signed by both sides or rejected, or superseded by a later
// version. Started from a template of the project's pack and the workshops' results. Totals are
// worked out in shared/sows/totals.ts; every write goes through the write path.
import { and, asc, eq, max } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { formatDay } from '../../../shared/checklist/show.ts';
import { ApiError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { WHOLE, type Currency, type Money } from '../../../shared/money.ts';
import { diffSows, type SowDiff } from '../../../shared/sows/diff.ts';
import { sowTotals } from '../../../shared/sows/totals.ts';
import {
  PART_LISTS,
  SOW_FIELDS,
  SOW_PARTS,
  sowNumber,
  type Deliverable,
  type EffortLine,
  type Milestone,
  type Payment,
  type Sow,
  type SowRole,
  type SowDetail,
  type SowPart,
  type SowParts,
  type SowSummary,
  type SowVersion,
  type SowWarning,
} from '../../../shared/sows/types.ts';
import type { SowTemplate } from '../../../shared/workshops/pack.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { authorName } from '../device.ts';
import { getBranding } from '../documents/export.ts';
import { newId } from '../ids.ts';
import { nextFreeNumber } from '../sync/numbers.ts';
import type { FieldChange } from '../write-path.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { found, loadCustomer, loadProject } from './rows.ts';
import { projectPack, workshopOverview } from './workshops.ts';

/** Each part's table and entity name. */
const PART_TABLES = {
  deliverable: { table: t.sowDeliverable, entity: 'sowDeliverable' },
  milestone: { table: t.sowMilestone, entity: 'sowMilestone' },
  role: { table: t.sowRole, entity: 'sowRole' },
  effort: { table: t.sowEffortLine, entity: 'sowEffortLine' },
  payment: { table: t.sowPayment, entity: 'sowPayment' },
} as const;

const invalid = (field: string, message: string) => new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}` });

/** The SOW's own row; a later version takes its number from the first. */
export function loadSow(ctx: Context, id: string, field = 'id'): Sow {
  const row = found(ctx.store.orm.select(fieldsOf(t.sow)).from(t.sow).where(liveRow(t.sow, id)).get(), field, 'SOW', id);
  if (row.id === row.seriesId) return row;
  const first = ctx.store.orm.select({ number: t.sow.number, formerNumbers: t.sow.formerNumbers }).from(t.sow).where(eq(t.sow.id, row.seriesId)).get();
  return { ...row, number: first?.number ?? 0, formerNumbers: first?.formerNumbers ?? [] };
}

type PartTable = (typeof PART_TABLES)[SowPart]['table'];

/** One part's live rows of an SOW, in their order, as the part's type (`table` is the part's). */
function partRows<Row>(ctx: Context, table: PartTable, sowId: string): Row[] {
  const rows = ctx.store.orm
    .select(fieldsOf(table))
    .from(table)
    .where(and(eq(table.sowId, sowId), live(table)))
    .orderBy(asc(table.position), asc(table.id))
    .all();
  return rows as unknown[] as Row[];
}

function partsOf(ctx: Context, sowId: string): SowParts {
  return {
    deliverables: partRows<Deliverable>(ctx, t.sowDeliverable, sowId),
    milestones: partRows<Milestone>(ctx, t.sowMilestone, sowId),
    roles: partRows<SowRole>(ctx, t.sowRole, sowId),
    effortLines: partRows<EffortLine>(ctx, t.sowEffortLine, sowId),
    payments: partRows<Payment>(ctx, t.sowPayment, sowId),
  };
}

function versionsOf(ctx: Context, seriesId: string): SowVersion[] {
  return ctx.store.orm
    .select({ id: t.sow.id, version: t.sow.version, status: t.sow.status, sentOn: t.sow.sentOn })
    .from(t.sow)
    .where(and(eq(t.sow.seriesId, seriesId), live(t.sow)))
    .orderBy(asc(t.sow.version))
    .all();
}

function warningsOf(ctx: Context, sow: Sow, basisPoints: number): SowWarning[] {
  const warnings: SowWarning[] = [];
  const open = sow.status === 'draft' || sow.status === 'sent';
  if (open && sow.validUntil !== null && sow.validUntil < localIsoDate(ctx.now())) warnings.push({ code: 'validityPassed', field: 'validUntil', validUntil: sow.validUntil });
  if (sow.status === 'draft' && basisPoints !== WHOLE) warnings.push({ code: 'paymentsIncomplete', field: 'payments', basisPoints });
  return warnings;
}

export function getSow(ctx: Context, input: ParsedInput<'sows.get'>): SowDetail {
  const sow = loadSow(ctx, input.id);
  const parts = partsOf(ctx, sow.id);
  const totals = sowTotals(sow, parts.effortLines, parts.payments);
  return { sow, ...parts, totals, warnings: warningsOf(ctx, sow, totals.paymentBasisPoints), versions: versionsOf(ctx, sow.seriesId) };
}

export function listSows(ctx: Context, input: ParsedInput<'sows.list'>): SowSummary[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const latest = ctx.store.orm
    .select({ seriesId: t.sow.seriesId, version: max(t.sow.version) })
    .from(t.sow)
    .where(and(eq(t.sow.projectId, input.projectId), live(t.sow)))
    .groupBy(t.sow.seriesId)
    .all();
  return latest
    .map(({ seriesId, version }) => {
      const row = ctx.store.orm
        .select({ id: t.sow.id })
        .from(t.sow)
        .where(and(eq(t.sow.seriesId, seriesId), eq(t.sow.version, version ?? 1), live(t.sow)))
        .get()!;
      const { sow, totals, versions } = getSow(ctx, { id: row.id });
      return { id: sow.id, number: sow.number, formerNumbers: sow.formerNumbers, title: sow.title, version: sow.version, status: sow.status, currency: sow.currency, totalMinor: totals.totalMinor, versions };
    })
    .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
}

/** "SOW-01 version 2". */
const named = (sow: Sow) => `${sowNumber(sow.number)} version ${sow.version}`;

/**
 * Refuses any change to a version that is no longer a draft, naming the field: what was sent
 * stays as it was sent, and a change is the next version.
 */
function requireDraft(ctx: Context, sow: Sow, field: string): void {
  if (sow.status === 'draft') return;
  const day = (date: string | null) => (date ? formatDay('de', date) : '?');
  const draft = versionsOf(ctx, sow.seriesId).find((v) => v.status === 'draft');
  const next = draft ? `change version ${draft.version}, the draft` : `start version ${Math.max(...versionsOf(ctx, sow.seriesId).map((v) => v.version)) + 1} to change it`;
  const lastSignature = [sow.customerSignedOn ?? '', sow.consultancySignedOn ?? ''].sort()[1] || null;
  const what = {
    sent: `was sent on ${day(sow.sentOn)}`,
    signed: `was signed on ${day(lastSignature)}`,
    rejected: `was rejected on ${day(sow.rejectedOn)}`,
    superseded: `was superseded on ${day(sow.supersededOn)}`,
  }[sow.status];
  throw invalid(field, `${named(sow)} ${what}: ${next}`);
}

/** An amount in the SOW's currency, or the refusal of a currency mix. */
function inCurrency(sow: Sow, amount: Money, field: string): number {
  if (amount.currency !== sow.currency) throw invalid(`${field}.currency`, `${sowNumber(sow.number)} is in ${sow.currency}; one SOW has one currency, so ${amount.currency} amounts cannot go into it`);
  return amount.minor;
}

// --- Creating: from a template and the workshops ----------------------------------------------

function templatesOf(ctx: Context, projectId: string): SowTemplate[] {
  return projectPack(ctx, projectId).sowTemplates ?? [];
}

export function listTemplates(ctx: Context, input: ParsedInput<'sows.templates'>): { key: string; title: string }[] {
  return templatesOf(ctx, input.projectId).map((x) => ({ key: x.key, title: x.title[input.language] }));
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A pack's decimal (2.5 days, 1450.00 euros, 30 %) as an integer of hundredths. */
const hundredths = (value: number) => Math.round(value * 100);

interface Draft {
  fields: Partial<Record<(typeof SOW_FIELDS)[number], string | number | null>>;
  parts: { [P in SowPart]: Record<string, string | number | null>[] };
}

function fromTemplate(template: SowTemplate, language: Language, date: string): Draft {
  const milestoneIds = new Map(template.milestones.map((m) => [m.key, newId()]));
  const texts = Object.fromEntries(Object.entries(template.texts).map(([k, v]) => [k, v[language]]));
  return {
    fields: { title: template.title[language], currency: template.currency, ...texts, validUntil: template.validityDays ? addDays(date, template.validityDays) : null },
    parts: {
      deliverable: template.deliverables.map((d) => ({ title: d.title[language], acceptanceCriteria: d.acceptanceCriteria[language] })),
      milestone: template.milestones.map((m) => ({ id: milestoneIds.get(m.key)!, title: m.title[language] })),
      role: template.roles.map((r) => ({ side: r.side, role: r.role[language], responsibilities: r.responsibilities[language] })),
      effort: template.effort.map((e) => ({ role: e.role[language], description: e.description[language], dayHundredths: hundredths(e.days), rateMinor: hundredths(e.dailyRate) })),
      payment: template.payments.map((p) => ({ label: p.label[language], percentBasisPoints: hundredths(p.percent), milestoneId: p.milestone ? milestoneIds.get(p.milestone)! : null })),
    },
  };
}

/** A text with lines added below what it has. */
const withLines = (text: string | number | null | undefined, lines: readonly string[]) => [typeof text === 'string' ? text : '', ...lines].filter((l) => l.trim() !== '').join('\n');

/**
 * The workshops' results: each Concept topic that is agreed (settled, or its latest workshop has
 * every required answer) becomes a scope line and a deliverable; its decisions become assumptions.
 */
function addWorkshopResults(ctx: Context, projectId: string, language: Language, draft: Draft): void {
  const overview = workshopOverview(ctx, { projectId });
  const agreed = overview.topics.filter(
    (topic) => topic.phase === 'concept' && (topic.state === 'settled' || (topic.sessions > 0 && topic.completeness.required.answered === topic.completeness.required.total)),
  );
  const tr = (key: Parameters<typeof translate>[1], values: Record<string, string>) => translate(language, key, values);
  draft.fields.scopeIn = withLines(
    draft.fields.scopeIn,
    agreed.map((topic) =>
      tr(topic.lastDate ? 'sow.fromWorkshops.scopeOn' : 'sow.fromWorkshops.scope', { topic: topic.title[language], date: formatDay(language, topic.lastDate) }),
    ),
  );
  draft.parts.deliverable.push(
    ...agreed.map((topic) => ({
      title: tr('sow.fromWorkshops.deliverable', { topic: topic.title[language] }),
      acceptanceCriteria: tr('sow.fromWorkshops.acceptance', { topic: topic.title[language] }),
    })),
  );
  const keys = new Set(agreed.map((topic) => topic.key));
  draft.fields.assumptions = withLines(
    draft.fields.assumptions,
    overview.decisions.filter((d) => keys.has(d.topicKey)).map((d) => `- ${d.text}`),
  );
}

function partChanges(part: SowPart, sowId: string, rows: readonly Record<string, string | number | null>[]): FieldChange[] {
  return rows.flatMap((row, i) => {
    const { id = newId(), ...fields } = row;
    const itemId = String(id);
    return changesFor(PART_TABLES[part].entity, itemId, { sowId, position: i + 1, originId: itemId, ...fields });
  });
}

export function createSow(ctx: Context, input: ParsedInput<'sows.create'>): SowDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const language = input.language ?? 'en';
  const date = localIsoDate(ctx.now());
  let draft: Draft = { fields: {}, parts: { deliverable: [], milestone: [], role: [], effort: [], payment: [] } };
  if (input.templateKey !== undefined) {
    const template = templatesOf(ctx, input.projectId).find((x) => x.key === input.templateKey);
    if (!template) throw new ApiError({ code: 'not_found', field: 'templateKey', message: `templateKey: the project's template pack has no SOW template "${input.templateKey}"` });
    draft = fromTemplate(template, language, date);
  }
  if (input.fromWorkshops) addWorkshopResults(ctx, input.projectId, language, draft);
  if (input.currency !== undefined && input.currency !== draft.fields.currency && draft.parts.effort.some((e) => e['rateMinor'] !== 0)) {
    throw invalid('currency', `the template's rates are in ${String(draft.fields.currency)}; start in ${String(draft.fields.currency)}, or without the template`);
  }
  const id = newId();
  ctx.store.apply([
    ...changesFor('sow', id, {
      projectId: input.projectId,
      number: nextFreeNumber(ctx.store, 'sow', input.projectId),
      seriesId: id,
      version: 1,
      copiedFrom: null,
      status: 'draft',
      date,
      currency: 'EUR',
      ...draft.fields,
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.currency === undefined ? {} : { currency: input.currency }),
      ...(draft.fields.title === undefined && input.title === undefined ? { title: translate(language, 'sow.defaultTitle') } : {}),
      createdAt: ctx.now().toISOString(),
    }),
    ...SOW_PARTS.flatMap((part) => partChanges(part, id, draft.parts[part])),
  ]);
  return getSow(ctx, { id });
}

// --- Editing a draft ----------------------------------------------------------------------------

/** Whether the SOW holds any amount: its currency then cannot change under them. */
function amountOf(sow: Sow, parts: SowParts): string | null {
  const line = parts.effortLines.findIndex((l) => l.rateMinor !== 0);
  if (line >= 0) return `the rate of effort line ${line + 1}`;
  if (sow.expensesMode !== 'none' && sow.expensesMinor !== 0) return 'the expenses';
  return null;
}

export function updateSow(ctx: Context, input: ParsedInput<'sows.update'>): SowDetail {
  const sow = loadSow(ctx, input.id);
  const { id, expenses, ...fields } = input;
  requireDraft(ctx, sow, Object.keys(input).find((k) => k !== 'id')!);
  if (fields.currency !== undefined && fields.currency !== sow.currency) {
    const amount = amountOf(sow, partsOf(ctx, sow.id));
    if (amount) throw invalid('currency', `${sowNumber(sow.number)} has amounts in ${sow.currency} (${amount}); one SOW has one currency: set them to zero before changing it`);
  }
  const currency: Currency = fields.currency ?? sow.currency;
  const expensesMinor = expenses === undefined ? undefined : inCurrency({ ...sow, currency }, expenses, 'expenses');
  ctx.store.apply(changesFor('sow', id, { ...fields, expensesMinor }));
  return getSow(ctx, { id });
}

/** Removes the SOW's parts with it; only a draft goes, and its number is never given again. */
export function removeSow(ctx: Context, input: ParsedInput<'sows.remove'>): { id: string } {
  const sow = loadSow(ctx, input.id);
  requireDraft(ctx, sow, 'id');
  const parts = partsOf(ctx, sow.id);
  ctx.store.apply([
    ...changesFor('sow', sow.id, { deleted: true }),
    ...SOW_PARTS.flatMap((part) => parts[PART_LISTS[part]].flatMap((item) => changesFor(PART_TABLES[part].entity, item.id, { deleted: true }))),
  ]);
  return { id: sow.id };
}

type PartInput = ParsedInput<'sowItems.update'>;

/** A part's input as the row's fields: a rate in the SOW's currency, a milestone of the same SOW. */
function partFields(ctx: Context, sow: Sow, input: PartInput | ParsedInput<'sowItems.add'>): Record<string, string | number | null> {
  const { part: _part, ...rest } = input;
  const fields: Record<string, unknown> = { ...rest };
  delete fields['id'];
  delete fields['sowId'];
  delete fields['afterId'];
  if (input.part === 'effort' && input.dailyRate !== undefined) {
    delete fields['dailyRate'];
    fields['rateMinor'] = inCurrency(sow, input.dailyRate, 'dailyRate');
  }
  if (input.part === 'payment' && input.milestoneId) {
    const milestone = ctx.store.orm.select({ sowId: t.sowMilestone.sowId }).from(t.sowMilestone).where(liveRow(t.sowMilestone, input.milestoneId)).get();
    if (milestone?.sowId !== sow.id) throw new ApiError({ code: 'not_found', field: 'milestoneId', message: `milestoneId: ${named(sow)} has no milestone ${input.milestoneId}` });
  }
  return fields as Record<string, string | number | null>;
}

/** The part with this id and the SOW it belongs to. */
function loadPart(ctx: Context, part: SowPart, id: string): { sow: Sow; items: { id: string; position: number }[] } {
  const { table } = PART_TABLES[part];
  const row = found(ctx.store.orm.select({ sowId: table.sowId }).from(table).where(liveRow(table, id)).get(), 'id', part, id);
  const sow = loadSow(ctx, row.sowId);
  return { sow, items: partsOf(ctx, sow.id)[PART_LISTS[part]] };
}

/** Positions 1, 2, 3, ... in the given order, written only where they changed. */
function renumbered(part: SowPart, items: readonly { id: string; position: number }[]): FieldChange[] {
  return items.flatMap((item, i) => (item.position === i + 1 ? [] : changesFor(PART_TABLES[part].entity, item.id, { position: i + 1 })));
}

export function addPart(ctx: Context, input: ParsedInput<'sowItems.add'>): SowDetail {
  const sow = loadSow(ctx, input.sowId, 'sowId');
  requireDraft(ctx, sow, 'sowId');
  const fields = partFields(ctx, sow, input);
  const items = partsOf(ctx, sow.id)[PART_LISTS[input.part]];
  const after = input.afterId === undefined ? items.length - 1 : items.findIndex((x) => x.id === input.afterId);
  if (after < 0 && input.afterId !== undefined) throw new ApiError({ code: 'not_found', field: 'afterId', message: `afterId: ${named(sow)} has no ${input.part} ${input.afterId}` });
  const id = newId();
  const ordered = [...items.slice(0, after + 1), { id, position: 0 }, ...items.slice(after + 1)];
  ctx.store.apply([...changesFor(PART_TABLES[input.part].entity, id, { sowId: sow.id, originId: id, ...fields }), ...renumbered(input.part, ordered)]);
  return getSow(ctx, { id: sow.id });
}

export function updatePart(ctx: Context, input: ParsedInput<'sowItems.update'>): SowDetail {
  const { sow } = loadPart(ctx, input.part, input.id);
  requireDraft(ctx, sow, Object.keys(input).find((k) => k !== 'id' && k !== 'part') ?? 'id');
  const fields = partFields(ctx, sow, input);
  ctx.store.apply(changesFor(PART_TABLES[input.part].entity, input.id, fields));
  return getSow(ctx, { id: sow.id });
}

export function removePart(ctx: Context, input: ParsedInput<'sowItems.remove'>): SowDetail {
  const { sow, items } = loadPart(ctx, input.part, input.id);
  requireDraft(ctx, sow, 'id');
  const changes = [...changesFor(PART_TABLES[input.part].entity, input.id, { deleted: true }), ...renumbered(input.part, items.filter((x) => x.id !== input.id))];
  // A payment due with a removed milestone is due with none.
  if (input.part === 'milestone') {
    for (const p of partsOf(ctx, sow.id).payments) if (p.milestoneId === input.id) changes.push(...changesFor('sowPayment', p.id, { milestoneId: null }));
  }
  ctx.store.apply(changes);
  return getSow(ctx, { id: sow.id });
}

export function movePart(ctx: Context, input: ParsedInput<'sowItems.move'>): SowDetail {
  const { sow, items } = loadPart(ctx, input.part, input.id);
  requireDraft(ctx, sow, 'position');
  const moving = items.find((x) => x.id === input.id)!;
  const rest = items.filter((x) => x.id !== input.id);
  const at = Math.min(input.position, items.length) - 1;
  ctx.store.apply(renumbered(input.part, [...rest.slice(0, at), moving, ...rest.slice(at)]));
  return getSow(ctx, { id: sow.id });
}

// --- Sending, signing, rejecting, new versions ---------------------------------------------------

/** Both parties' names and addresses as they stand now: what a sent version keeps. */
function parties(ctx: Context, sow: Sow): { customerParty: string; consultancyParty: string } {
  const customer = loadCustomer(ctx, loadProject(ctx, sow.projectId).customerId);
  const branding = getBranding(ctx);
  const party = (name: string, address: string) => [name, address].map((s) => s.trim()).filter(Boolean).join('\n');
  return { customerParty: party(customer.name, customer.address), consultancyParty: party(branding.consultancyName, branding.address) };
}

/** Earlier versions of the series in `status` make way for this one. */
function supersede(ctx: Context, sow: Sow, status: 'sent' | 'signed', on: string): FieldChange[] {
  return versionsOf(ctx, sow.seriesId)
    .filter((v) => v.version < sow.version && v.status === status)
    .flatMap((v) => changesFor('sow', v.id, { status: 'superseded', supersededOn: on, supersededById: sow.id }));
}

export function sendSow(ctx: Context, input: ParsedInput<'sows.send'>): SowDetail {
  const sow = loadSow(ctx, input.id);
  requireDraft(ctx, sow, 'id');
  const { totals } = getSow(ctx, { id: sow.id });
  if (totals.paymentBasisPoints !== WHOLE) {
    throw invalid('payments', `the payment schedule of ${named(sow)} adds up to ${totals.paymentBasisPoints / 100} %, not 100 %: correct it before sending`);
  }
  const on = input.date ?? localIsoDate(ctx.now());
  ctx.store.apply([...changesFor('sow', sow.id, { status: 'sent', sentOn: on, sentBy: authorName(ctx.store), ...parties(ctx, sow) }), ...supersede(ctx, sow, 'sent', on)]);
  return getSow(ctx, { id: sow.id });
}

export function signSow(ctx: Context, input: ParsedInput<'sows.sign'>): SowDetail {
  const sow = loadSow(ctx, input.id);
  if (sow.status !== 'sent') {
    if (sow.status === 'draft') throw invalid('id', `${named(sow)} is a draft: send it before it is signed`);
    requireDraft(ctx, sow, 'id');
  }
  if (sow.sentOn !== null && input.date < sow.sentOn) throw invalid('date', `${named(sow)} was sent on ${formatDay('de', sow.sentOn)}; it cannot be signed before`);
  const signed = input.side === 'customer' ? { customerSignedBy: input.name, customerSignedOn: input.date } : { consultancySignedBy: input.name, consultancySignedOn: input.date };
  const both = { ...sow, ...signed };
  const complete = both.customerSignedOn !== null && both.consultancySignedOn !== null;
  const on = complete ? [both.customerSignedOn!, both.consultancySignedOn!].sort()[1]! : input.date;
  ctx.store.apply([...changesFor('sow', sow.id, { ...signed, ...(complete ? { status: 'signed' } : {}) }), ...(complete ? supersede(ctx, sow, 'signed', on) : [])]);
  return getSow(ctx, { id: sow.id });
}

export function rejectSow(ctx: Context, input: ParsedInput<'sows.reject'>): SowDetail {
  const sow = loadSow(ctx, input.id);
  if (sow.status !== 'sent') {
    if (sow.status === 'draft') throw invalid('id', `${named(sow)} is a draft: only a sent version can be rejected`);
    requireDraft(ctx, sow, 'id');
  }
  ctx.store.apply(changesFor('sow', sow.id, { status: 'rejected', rejectedOn: input.date, rejectedBy: input.name ?? '', rejectionReason: input.reason ?? '' }));
  return getSow(ctx, { id: sow.id });
}

/** The next version as a draft: a copy of this one with all its parts, each part knowing where it came from. */
export function newVersion(ctx: Context, input: ParsedInput<'sows.newVersion'>): SowDetail {
  const source = getSow(ctx, { id: input.id });
  const { sow } = source;
  if (sow.status === 'draft') throw invalid('id', `${named(sow)} is a draft: change it as it is`);
  const draft = source.versions.find((v) => v.status === 'draft');
  if (draft) throw invalid('id', `${sowNumber(sow.number)} version ${draft.version} is a draft already: change that one`);
  const id = newId();
  const copied = Object.fromEntries(SOW_FIELDS.map((f) => [f, sow[f]]));
  const ids = new Map<string, string>();
  const copies = SOW_PARTS.flatMap((part) =>
    source[PART_LISTS[part]].map((item) => {
      const next = newId();
      ids.set(item.id, next);
      return { part, next, item };
    }),
  );
  ctx.store.apply([
    ...changesFor('sow', id, {
      ...copied,
      projectId: sow.projectId,
      number: 0,
      seriesId: sow.seriesId,
      version: Math.max(...source.versions.map((v) => v.version)) + 1,
      copiedFrom: sow.id,
      status: 'draft',
      date: localIsoDate(ctx.now()),
      createdAt: ctx.now().toISOString(),
    }),
    ...copies.flatMap(({ part, next, item }) => {
      const { id: _id, sowId: _sowId, ...fields } = item;
      const milestoneId = 'milestoneId' in item && item.milestoneId !== null ? (ids.get(item.milestoneId) ?? null) : undefined;
      return changesFor(PART_TABLES[part].entity, next, { ...fields, sowId: id, ...(milestoneId === undefined ? {} : { milestoneId }) });
    }),
  ]);
  return getSow(ctx, { id });
}

export function diffVersions(ctx: Context, input: ParsedInput<'sows.diff'>): SowDiff {
  const from = getSow(ctx, { id: input.fromId });
  const to = found(ctx.store.orm.select({ seriesId: t.sow.seriesId }).from(t.sow).where(liveRow(t.sow, input.toId)).get(), 'toId', 'SOW', input.toId);
  if (to.seriesId !== from.sow.seriesId) throw invalid('toId', 'the two are not versions of one SOW');
  return diffSows(from, getSow(ctx, { id: input.toId }));
}

// --- The document -------------------------------------------------------------------------------

/** What the SOW document is made from: the version with its totals, and both parties as sent (or as they stand, for a draft). */
export function sowSource(ctx: Context, sowId: string, projectId: string): { detail: SowDetail; parties: { customer: string; consultancy: string } } {
  const detail = getSow(ctx, { id: loadSow(ctx, sowId, 'sowId').id });
  if (detail.sow.projectId !== projectId) throw invalid('sowId', 'the SOW belongs to another project');
  const { sow } = detail;
  const live = sow.status === 'draft' ? parties(ctx, sow) : { customerParty: sow.customerParty, consultancyParty: sow.consultancyParty };
  return { detail, parties: { customer: live.customerParty, consultancy: live.consultancyParty } };
}

/** The SOW's part of its files' names: "sow-01-version-2". */
export function sowFileLabel(ctx: Context, sowId: string): string {
  const sow = loadSow(ctx, sowId, 'sowId');
  return `sow-${String(sow.number).padStart(2, '0')}-version-${sow.version}`;
}
