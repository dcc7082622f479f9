// The test protocol of one run as a document: cover, scope and environment, the summary with the
// counts and the verdict, every case with its steps, expected and actual results and evidence
// images, the results imported from tools (a place kept for them: `toolSections`), the open
// defects and the sign-off table of both sides. Pure: the data in, the document model out.
import { formatDay } from '../checklist/show.ts';
import type { Customer, Project } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { RESULT_STATUSES, testCaseNumber, type TestRunDetail } from '../test-protocol/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface TestProtocolInput extends DocumentContext {
  project: Project;
  customer: Customer;
  detail: TestRunDetail;
  /** Evidence images by evidence id, as data URLs (other evidence is listed by name). */
  images: ReadonlyMap<string, string>;
}

/**
 * The sections the results imported from tools add (JMeter statistics and charts, the automated
 * tests' summary), placed after the cases: each a heading of its own and its blocks. None given,
 * the protocol has none.
 */
export interface ToolSection {
  title: string;
  blocks: Block[];
}

export function testProtocolDocument(input: TestProtocolInput, toolSections: readonly ToolSection[] = []): DocumentModel {
  const { language, detail } = input;
  const { run, results, summary } = detail;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const day = (date: string | null) => (date ? formatDay(language, date) : '–');
  const strong = (text: string): Run[] => [{ text, bold: true }];
  const verdict = run.verdict ? t(`verdict.${run.verdict}`) : t('doc.tp.verdictPending');

  const blocks: Block[] = [{ type: 'toc', title: t('doc.contents') }];
  const section = (text: string): void => void blocks.push({ type: 'heading', level: 1, text, numbered: true });

  section(t('doc.tp.scope'));
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.tp.run'), value: plain(run.name) },
      { label: t('doc.tp.build'), value: plain(run.build || '–') },
      { label: t('doc.tp.environment'), value: plain(t(`testEnv.${run.environment}`)) },
      { label: t('doc.tp.period'), value: plain(`${day(run.startDate)} – ${day(run.endDate)}`) },
      { label: t('doc.tp.tester'), value: plain(run.tester || '–') },
      { label: t('doc.tp.caseCount'), value: plain(String(summary.total)) },
    ],
  });
  if (detail.supersededBy) blocks.push({ type: 'paragraph', runs: [{ text: t('doc.tp.superseded', { name: detail.supersededBy.name }), bold: true }] });

  section(t('doc.tp.summary'));
  blocks.push({
    type: 'table',
    columns: [
      { title: t('doc.tp.result'), width: 0.7 },
      { title: t('doc.tp.count'), width: 0.3 },
    ],
    rows: [...RESULT_STATUSES.map((s) => [plain(t(`testStatus.${s}`)), plain(String(summary.counts[s]))]), [strong(t('doc.tp.total')), strong(String(summary.total))]],
  });
  blocks.push({ type: 'paragraph', runs: plain(summary.complete ? t('doc.tp.complete') : t('doc.tp.incomplete', { open: summary.total - summary.done, total: summary.total })) });
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.tp.verdict'), value: strong(verdict) },
      ...(run.verdict && run.verdictBy ? [{ label: '', value: plain(t('doc.tp.verdictBy', { name: run.verdictBy, date: day(run.verdictOn) })) }] : []),
      ...(run.verdictNote ? [{ label: t('doc.tp.comment'), value: plain(run.verdictNote) }] : []),
    ],
  });

  section(t('doc.tp.cases'));
  for (const r of results) {
    blocks.push({ type: 'heading', level: 2, text: `${testCaseNumber(r.caseNumber)} ${r.title}`, numbered: false });
    blocks.push({
      type: 'keyValue',
      rows: [
        { label: t('doc.tp.result'), value: strong(t(`testStatus.${r.status}`)) },
        { label: t('doc.tp.priority'), value: plain(t(`priority.${r.priority}`)) },
        ...(r.preconditions ? [{ label: t('doc.tp.preconditions'), value: plain(r.preconditions) }] : []),
        ...(r.elapsedSeconds !== null ? [{ label: t('doc.tp.elapsed'), value: plain(t('doc.tp.minutes', { minutes: Math.round(r.elapsedSeconds / 6) / 10 })) }] : []),
        ...(r.defectRef ? [{ label: t('doc.tp.defect'), value: plain(r.defectRef) }] : []),
        ...(r.comment ? [{ label: t('doc.tp.comment'), value: plain(r.comment) }] : []),
      ],
    });
    blocks.push(
      r.steps.length === 0
        ? { type: 'paragraph', runs: plain(t('doc.tp.noSteps')) }
        : {
            type: 'table',
            columns: [
              { title: t('doc.col.number'), width: 0.06 },
              { title: t('doc.tp.step'), width: 0.32 },
              { title: t('doc.tp.expected'), width: 0.31 },
              { title: t('doc.tp.actual'), width: 0.31 },
            ],
            rows: r.steps.map((s, i) => [plain(String(i + 1)), plain(s.action), plain(s.expected), plain(r.actual[i] || '–')]),
          },
    );
    for (const e of r.evidence) {
      const image = input.images.get(e.id);
      blocks.push(image ? { type: 'image', data: image, caption: t('doc.tp.evidence', { name: e.name }), width: 0.6 } : { type: 'paragraph', runs: [{ text: t('doc.tp.evidence', { name: e.name }), italic: true }] });
    }
  }

  for (const tool of toolSections) {
    section(tool.title);
    blocks.push(...tool.blocks);
  }

  section(t('doc.tp.defects'));
  const defects = results.filter((r) => r.status === 'failed' || r.status === 'blocked');
  blocks.push(
    defects.length === 0
      ? { type: 'paragraph', runs: plain(t('doc.tp.noDefects')) }
      : {
          type: 'table',
          columns: [
            { title: t('doc.tp.case'), width: 0.4 },
            { title: t('doc.tp.result'), width: 0.2 },
            { title: t('doc.tp.defect'), width: 0.2 },
            { title: t('doc.tp.checklistItem'), width: 0.2 },
          ],
          rows: defects.map((r) => [plain(`${testCaseNumber(r.caseNumber)} ${r.title}`), plain(t(`testStatus.${r.status}`)), plain(r.defectRef || '–'), plain(r.requirementId ? '✓' : '–')]),
        },
  );

  section(t('doc.tp.signOff'));
  if (!run.signOff) blocks.push({ type: 'paragraph', runs: plain(t('doc.tp.notSigned')) });
  const signed = run.signOff;
  const party = (side: 'customer' | 'consultancy', label: string, fallback: string) => {
    const who = signed?.[side];
    return who
      ? { organisation: `${label}: ${who.organisation || fallback}`, name: who.role ? `${who.name}, ${who.role}` : who.name, role: t('doc.sow.signedOn', { date: day(who.date) }) }
      : { organisation: `${label}: ${fallback}`, name: '', role: t('doc.sow.placeDate') };
  };
  blocks.push({
    type: 'signatures',
    parties: [party('customer', t('doc.sow.customerParty'), input.customer.name), party('consultancy', t('doc.sow.contractorParty'), input.branding.consultancyName || '–')],
  });

  return {
    ...coverOf(input, {
      title: `${t('doc.tp.subject')}: ${run.name}`,
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.tp.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.tp.build'), value: run.build || '–' },
        { label: t('doc.tp.environment'), value: t(`testEnv.${run.environment}`) },
        { label: t('doc.tp.verdict'), value: verdict },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
