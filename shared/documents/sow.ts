// A statement of work as a document: the parties and references, background and objectives, the
// scope in and out, deliverables with their acceptance criteria, the acceptance procedure,
// milestones, roles and responsibilities of both sides, assumptions and dependencies, the effort
// and fee table with its totals, the payment schedule, change control, validity and a signature
// block for each party. Every amount comes from the totals worked out once (../sows/totals.ts),
// written in the document's language. Pure: the data in, the document model out.
import type { Chart } from '../charts/chart.ts';
import { formatDay } from '../checklist/show.ts';
import type { Customer, Project } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { DAY, formatAmount, formatDays, formatMoney, formatPercent } from '../money.ts';
import { sowNumber, type SowDetail, type SowText } from '../sows/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface SowDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  detail: SowDetail;
  /** Both parties, name and address on lines: as sent, or as they stand while a draft. */
  parties: { customer: string; consultancy: string };
}

/**
 * A long text as blocks: paragraphs split at blank lines, and lines starting with "- " or "• " as
 * a bulleted list (the way the templates and the workshops write scope and assumptions).
 */
function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    let items: Run[][] = [];
    let lines: string[] = [];
    const flush = () => {
      if (lines.length > 0) blocks.push({ type: 'paragraph', runs: plain(lines.join('\n')) });
      if (items.length > 0) blocks.push({ type: 'list', ordered: false, items });
      lines = [];
      items = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trimEnd();
      if (line.trim() === '') continue;
      const bullet = /^\s*[-•*]\s+(.*)$/.exec(line);
      if (bullet) {
        if (lines.length > 0) flush();
        items.push(plain(bullet[1]!));
      } else {
        if (items.length > 0) flush();
        lines.push(line);
      }
    }
    flush();
  }
  return blocks;
}

export function sowDocument(input: SowDocInput): DocumentModel {
  const { language, detail } = input;
  const { sow, totals } = detail;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const money = (minor: number) => formatMoney(minor, sow.currency, language);
  const amount = (minor: number) => formatAmount(minor, sow.currency, language);
  const day = (date: string | null) => (date ? formatDay(language, date) : '–');
  const none: Block = { type: 'paragraph', runs: plain(t('doc.sow.none')) };
  const number = sowNumber(sow.number);
  const firstLine = (text: string) => text.split('\n')[0]!.trim();
  // The customer as the version was sent (a later rename does not change what was sent).
  const customerName = firstLine(input.parties.customer) || input.customer.name;

  const blocks: Block[] = [{ type: 'toc', title: t('doc.contents') }];
  const section = (text: string): void => void blocks.push({ type: 'heading', level: 1, text, numbered: true });
  const sub = (text: string): void => void blocks.push({ type: 'heading', level: 2, text, numbered: true });
  const long = (field: SowText): void => {
    const found = textBlocks(sow[field]);
    blocks.push(...(found.length > 0 ? found : [none]));
  };

  section(t('doc.sow.parties'));
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.sow.customerParty'), value: plain(input.parties.customer || customerName) },
      { label: t('doc.sow.contractorParty'), value: plain(input.parties.consultancy || '–') },
      { label: t('sow.number'), value: plain(t('doc.sow.numberVersion', { number, version: sow.version })) },
      { label: t('sow.frameworkAgreement'), value: plain(sow.frameworkAgreement || '–') },
      { label: t('sow.date'), value: plain(day(sow.date)) },
      { label: t('sow.validUntil'), value: plain(day(sow.validUntil)) },
    ],
  });

  section(t('sow.background'));
  long('background');
  section(t('sow.objectives'));
  long('objectives');

  section(t('doc.sow.scope'));
  sub(t('sow.scopeIn'));
  long('scopeIn');
  sub(t('sow.scopeOut'));
  long('scopeOut');

  section(t('sow.deliverables'));
  blocks.push(
    detail.deliverables.length === 0
      ? none
      : {
          type: 'table',
          columns: [
            { title: t('doc.col.number'), width: 0.07 },
            { title: t('sow.deliverable'), width: 0.33 },
            { title: t('sow.acceptanceCriteria'), width: 0.45 },
            { title: t('sow.dueDate'), width: 0.15 },
          ],
          rows: detail.deliverables.map((d, i) => [plain(String(i + 1)), plain(d.title), plain(d.acceptanceCriteria || '–'), plain(day(d.dueDate))]),
        },
  );
  section(t('sow.acceptanceProcedure'));
  long('acceptanceProcedure');

  section(t('sow.milestones'));
  blocks.push(
    detail.milestones.length === 0
      ? none
      : {
          type: 'table',
          columns: [
            { title: t('doc.col.number'), width: 0.07 },
            { title: t('sow.milestone'), width: 0.68 },
            { title: t('sow.dueDate'), width: 0.25 },
          ],
          rows: detail.milestones.map((m, i) => [plain(String(i + 1)), plain(m.title), plain(day(m.dueDate))]),
        },
  );

  section(t('sow.roles'));
  blocks.push(
    detail.roles.length === 0
      ? none
      : {
          type: 'table',
          columns: [
            { title: t('sow.side'), width: 0.18 },
            { title: t('sow.role'), width: 0.27 },
            { title: t('sow.responsibilities'), width: 0.55 },
          ],
          rows: detail.roles.map((r) => [plain(t(`side.${r.side}`)), plain(r.role), plain(r.responsibilities || '–')]),
        },
  );

  section(t('sow.assumptions'));
  long('assumptions');
  section(t('sow.dependencies'));
  long('dependencies');

  section(t('sow.effort'));
  const totalOf = new Map(totals.lines.map((l) => [l.id, l.totalMinor]));
  const strong = (text: string): Run[] => [{ text, bold: true }];
  // Sums below the lines, their label in the widest column.
  const sumRow = (label: string, value: string, bold = false): Run[][] => [plain(''), plain(''), bold ? strong(label) : plain(label), plain(''), plain(''), bold ? strong(value) : plain(value)];
  const expenses =
    sow.expensesMode === 'flat'
      ? [sumRow(t('doc.sow.expensesFlat'), amount(totals.expensesMinor))]
      : sow.expensesMode === 'perTrip'
        ? [sumRow(t('doc.sow.expensesPerTrip', { trips: sow.expensesTrips, amount: money(sow.expensesMinor) }), amount(totals.expensesMinor))]
        : [];
  blocks.push({
    type: 'table',
    columns: [
      { title: t('doc.col.number'), width: 0.06 },
      { title: t('sow.role'), width: 0.2 },
      { title: t('sow.description'), width: 0.32 },
      { title: t('sow.days'), width: 0.1 },
      { title: `${t('sow.dailyRate')} (${sow.currency})`, width: 0.15 },
      { title: `${t('sow.amount')} (${sow.currency})`, width: 0.17 },
    ],
    rows: [
      ...detail.effortLines.map((l, i) => [
        plain(String(i + 1)),
        plain(l.role),
        plain(l.description),
        plain(formatDays(l.dayHundredths, language)),
        plain(amount(l.rateMinor)),
        plain(amount(totalOf.get(l.id) ?? 0)),
      ]),
      [plain(''), plain(''), strong(t('doc.sow.totalDays')), strong(formatDays(totals.dayHundredths, language)), plain(''), plain('')],
      ...(totals.discountMinor !== 0 || expenses.length > 0 ? [sumRow(t('sow.subtotal'), amount(totals.subtotalMinor))] : []),
      ...(totals.discountMinor !== 0 ? [sumRow(t('doc.sow.discountOf', { percent: formatPercent(sow.discountBasisPoints, language) }), `−${amount(totals.discountMinor)}`)] : []),
      ...expenses,
      sumRow(t('sow.total'), money(totals.totalMinor), true),
    ],
  });
  blocks.push({ type: 'paragraph', runs: [{ text: t('doc.sow.netNote'), italic: true }] });
  if (totals.byRole.length > 1) blocks.push({ type: 'chart', chart: effortChart(input), caption: t('doc.sow.chart'), width: 0.8, aspect: 0.1 + 0.07 * totals.byRole.length });

  section(t('sow.payments'));
  if (detail.payments.length === 0) blocks.push(none);
  else {
    const milestones = new Map(detail.milestones.map((m) => [m.id, m]));
    const due = (p: SowDetail['payments'][number]) => {
      const milestone = p.milestoneId ? milestones.get(p.milestoneId) : undefined;
      if (milestone) return milestone.dueDate ? `${milestone.title} (${day(milestone.dueDate)})` : milestone.title;
      return p.dueDate ? day(p.dueDate) : t('doc.sow.onSignature');
    };
    const paid = new Map(totals.payments.map((p) => [p.id, p.amountMinor]));
    blocks.push({ type: 'paragraph', runs: plain(t(`doc.sow.paymentMode.${sow.paymentMode}`)) });
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.col.number'), width: 0.06 },
        { title: t('sow.paymentLabel'), width: 0.3 },
        { title: t('sow.dueDate'), width: 0.3 },
        { title: t('sow.share'), width: 0.14 },
        { title: `${t('sow.amount')} (${sow.currency})`, width: 0.2 },
      ],
      rows: [
        ...detail.payments.map((p, i) => [plain(String(i + 1)), plain(p.label), plain(due(p)), plain(formatPercent(p.percentBasisPoints, language)), plain(amount(paid.get(p.id) ?? 0))]),
        [plain(''), strong(t('sow.total')), plain(''), strong(formatPercent(totals.paymentBasisPoints, language)), strong(money(totals.payments.reduce((s, p) => s + p.amountMinor, 0)))],
      ],
    });
  }

  section(t('sow.changeControl'));
  long('changeControl');

  section(t('doc.sow.signatures'));
  if (sow.validUntil) blocks.push({ type: 'paragraph', runs: plain(t('doc.sow.validity', { date: day(sow.validUntil) })) });
  const signed = (by: string, on: string | null) => ({ name: by, role: on ? t('doc.sow.signedOn', { date: day(on) }) : t('doc.sow.placeDate') });
  blocks.push({
    type: 'signatures',
    parties: [
      { organisation: `${t('doc.sow.customerParty')}: ${customerName}`, ...signed(sow.customerSignedBy, sow.customerSignedOn) },
      { organisation: `${t('doc.sow.contractorParty')}: ${firstLine(input.parties.consultancy) || '–'}`, ...signed(sow.consultancySignedBy, sow.consultancySignedOn) },
    ],
  });

  return {
    ...coverOf(input, {
      title: `${number}: ${sow.title}`,
      subtitle: `${customerName} · ${input.project.name}`,
      subject: t('doc.sow.subject'),
      facts: [
        { label: t('doc.customer'), value: customerName },
        { label: t('doc.project'), value: input.project.name },
        { label: t('sow.number'), value: t('doc.sow.numberVersion', { number, version: sow.version }) },
        { label: t('sow.status'), value: t(`sowStatus.${sow.status}`) },
        { label: t('sow.total'), value: money(totals.totalMinor) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}

/** The effort per role as bars: days, so that rates do not hide where the work is. */
function effortChart(input: SowDocInput): Chart {
  const { language, detail } = input;
  const t = (key: MessageKey) => translate(language, key);
  return {
    kind: 'bar',
    title: t('doc.sow.chart'),
    language,
    orientation: 'bars',
    stacked: false,
    categories: detail.totals.byRole.map((r) => r.role || '–'),
    along: { title: t('sow.role') },
    value: { title: t('sow.days') },
    series: [{ name: t('sow.days'), values: detail.totals.byRole.map((r) => r.dayHundredths / DAY) }],
  };
}
