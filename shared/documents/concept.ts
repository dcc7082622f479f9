// The customer implementation concept: what the workshops agreed, written as text. The
// architecture as a diagram drawn from the answers and the "who delivers what" matrix; the
// hardware sizing with every assumption and its source; then per workshop topic the agreed
// design in sentences (each field's statement from the pack), its tables, notes from the derived
// hints, decisions and open points with owners; last, the topics not discussed yet.
import type { ProjectDetail } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { answerText, statementOf } from '../workshops/answer-text.ts';
import type { Answers, TableRow } from '../workshops/answers.ts';
import { activeHints, visibleFields } from '../workshops/conditions.ts';
import type { Contradiction } from '../workshops/cross-checks.ts';
import type { Pack, Topic } from '../workshops/pack.ts';
import { ASSUMPTIONS, describeMachines } from '../workshops/sizing.ts';
import { formatNumber, formatQuantity } from '../quantity.ts';
import type { Decision, OpenQuestion, ProjectSizing } from '../workshops/types.ts';
import { formatDay } from '../checklist/show.ts';
import { layeredDiagram } from '../systems/diagram.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { plain, type Block, type DocumentModel } from './model.ts';

export interface ConceptInput extends DocumentContext {
  detail: ProjectDetail;
  pack: Pack;
  /** The latest workshop's answers per topic, for the topics that had one. */
  answers: ReadonlyMap<string, Answers>;
  decisions: readonly Decision[];
  openQuestions: readonly OpenQuestion[];
  /** The saved sizing, or null while it has never been saved. */
  sizing: ProjectSizing | null;
  /** What the pack's checks find across topics: open points until the answers agree. */
  contradictions: readonly Contradiction[];
}

/** The components of the architecture split, by their field key prefix. */
const COMPONENTS = ['loadBalancer', 'middleware', 'controlPanel', 'mail', 'mysql', 'fileStore'] as const;

export function conceptDocument(input: ConceptInput): DocumentModel {
  const { language, detail, pack } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const names = new Map(detail.members.map((m) => [m.person.id, m.person.name]));
  const topic = (key: string) => pack.topics.find((x) => x.key === key);
  const said = (topicKey: string, fieldKey: string): string | null => {
    const f = topic(topicKey)?.fields.find((x) => x.key === fieldKey);
    return f ? answerText(f, input.answers.get(topicKey)?.[fieldKey], language, names) : null;
  };
  const number = (topicKey: string, fieldKey: string): number | null => {
    const v = input.answers.get(topicKey)?.[fieldKey];
    return typeof v === 'number' ? v : null;
  };

  const blocks: Block[] = [{ type: 'toc', title: t('doc.contents') }];

  // 1. The project.
  const { project } = detail;
  blocks.push({ type: 'heading', level: 1, text: t('doc.concept.project'), numbered: true });
  if (project.description) blocks.push({ type: 'paragraph', runs: plain(project.description) });
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.customer'), value: plain(detail.customer.name) },
      { label: t('doc.project'), value: plain(project.name) },
      { label: t('project.product'), value: plain([project.product, project.productVersion].filter(Boolean).join(' ') || '–') },
      { label: t('project.mailboxes'), value: plain(project.mailboxes === null ? '–' : formatNumber(project.mailboxes, language)) },
      { label: t('project.targetDate'), value: plain(formatDay(language, project.targetDate) || '–') },
    ],
  });

  // 2. The architecture: diagram and who delivers what.
  blocks.push({ type: 'heading', level: 1, text: t('doc.concept.architecture'), numbered: true });
  const nodes = number('scaling', 'nodes') ?? number('architecture-split', 'middlewareNodes') ?? (input.sizing?.updatedAt ? input.sizing.result.middleware.nodes : null);
  const nodeSize = said('scaling', 'nodeSizeOther') ?? said('scaling', 'nodeSize') ?? (input.sizing?.updatedAt ? `${formatQuantity(input.sizing.result.middleware.ramGb, 'GB', language)}, ${formatQuantity(input.sizing.result.middleware.cores, 'cores', language)}` : '');
  const middleware =
    nodes !== null && nodes <= 4
      ? Array.from({ length: nodes }, (_, i) => ({ title: `${t('doc.concept.node')} ${i + 1}`, detail: nodeSize ?? '' }))
      : [{ title: nodes === null ? t('doc.concept.middleware') : t('doc.concept.nodes', { nodes: formatQuantity(nodes, 'nodes', language) }), detail: nodeSize ?? '' }];
  blocks.push(
    layeredDiagram(language, t('doc.concept.diagramCaption'), {
      users: [{ title: t('doc.concept.browsers'), detail: said('branding', 'hostNames') ?? '' }, { title: t('doc.concept.clients'), detail: said('scaling', 'heavyFeatures') ?? '' }],
      entry: [{ title: t('doc.concept.loadBalancer'), detail: [said('load-balancing', 'productName') ?? said('load-balancing', 'product'), said('load-balancing', 'stickiness')].filter(Boolean).join(' · ') }],
      middleware,
      backends: [
        { title: 'MySQL', detail: [said('mysql', 'replication'), said('mysql', 'placement')].filter(Boolean).join(' · ') },
        { title: t('doc.concept.fileStore'), detail: [said('storage', 'type'), said('storage', 'sizeGb')].filter(Boolean).join(' · ') },
        { title: t('doc.concept.mail'), detail: [said('imap', 'server'), said('imap', 'version')].filter(Boolean).join(' ') },
        { title: t('doc.concept.provisioning'), detail: [said('provisioning', 'interface'), said('provisioning', 'controlPanelVendor')].filter(Boolean).join(' · ') },
      ],
    }),
  );
  const split = input.answers.get('architecture-split');
  const splitTopic = topic('architecture-split');
  if (split && splitTopic) {
    blocks.push({ type: 'heading', level: 2, text: t('doc.concept.whoDelivers'), numbered: true });
    const label = (key: string) => splitTopic.fields.find((f) => f.key === `${key}DeliveredBy`)?.label[language].split(':')[0] ?? key;
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.concept.component'), width: 0.3 },
        { title: t('doc.concept.deliveredBy'), width: 0.3 },
        { title: t('doc.concept.nodesColumn'), width: 0.15 },
        { title: t('doc.concept.virtualisation'), width: 0.25 },
      ],
      rows: COMPONENTS.map((c) => [
        plain(label(c)),
        plain(said('architecture-split', `${c}DeliveredBy`) ?? '–'),
        plain(said('architecture-split', `${c}Nodes`) ?? '–'),
        plain(said('architecture-split', `${c}Virtualisation`) ?? '–'),
      ]),
    });
  }

  // 3. The hardware sizing.
  blocks.push({ type: 'heading', level: 1, text: t('sizing.heading'), numbered: true });
  if (!input.sizing?.updatedAt) {
    blocks.push({ type: 'paragraph', runs: plain(t('doc.concept.noSizing')) });
  } else {
    const { result, input: sizingInput } = input.sizing;
    const fmt = (n: number) => formatNumber(n, language);
    blocks.push({
      type: 'keyValue',
      rows: [
        { label: t('sizing.concurrentSessions'), value: plain(fmt(result.concurrentSessions)) },
        { label: t('sizing.middleware'), value: plain(describeMachines(result.middleware.nodes, result.middleware.ramGb, result.middleware.cores, language)) },
        { label: t('sizing.mysql'), value: plain(describeMachines(result.mysql.servers, result.mysql.ramGb, result.mysql.cores, language)) },
        { label: t('sizing.fileStore'), value: plain(formatQuantity(result.fileStore.gb, 'GB', language)) },
        { label: t('sizing.provisioning'), value: plain(t(result.provisioningNode ? 'workshops.yes' : 'workshops.no')) },
      ],
    });
    blocks.push({
      type: 'table',
      caption: t('sizing.accountTypes'),
      columns: [
        { title: t('sizing.accountType'), width: 0.4 },
        { title: t('sizing.mailboxes'), width: 0.2 },
        { title: t('sizing.concurrency'), width: 0.2 },
        { title: t('sizing.weight'), width: 0.2 },
      ],
      rows: sizingInput.accountTypes.map((a) => [plain(a.label[language]), plain(fmt(a.mailboxes)), plain(fmt(a.concurrency * 100)), plain(fmt(a.weight))]),
    });
    blocks.push({ type: 'heading', level: 2, text: t('sizing.steps'), numbered: true });
    blocks.push({ type: 'list', ordered: true, items: result.steps.map((s) => [{ text: `${s.label[language]}: `, bold: true }, { text: `${s.formula[language]} = ${s.value[language]}` }]) });
    blocks.push({ type: 'heading', level: 2, text: t('sizing.assumptions'), numbered: true });
    blocks.push({
      type: 'table',
      columns: [
        { title: t('sizing.assumption'), width: 0.38 },
        { title: t('sizing.value'), width: 0.17 },
        { title: t('sizing.source'), width: 0.45 },
      ],
      rows: ASSUMPTIONS.map((a) => [plain(a.label[language]), plain(formatQuantity(sizingInput.assumptions[a.key], a.unit, language)), plain(a.source[language])]),
    });
  }

  // 4. What each workshop topic agreed.
  const discussed: Topic[] = [];
  const pending: Topic[] = [];
  for (const tp of pack.topics.filter((x) => x.phase === 'concept' && x.key !== 'architecture-split')) (input.answers.has(tp.key) ? discussed : pending).push(tp);
  for (const tp of discussed) blocks.push(...topicSection(tp, input, names));

  const otherTopics = new Set(discussed.map((d) => d.key));
  const elsewhere = input.openQuestions.filter((q) => !otherTopics.has(q.topicKey));
  if (pending.length > 0 || elsewhere.length > 0 || input.contradictions.length > 0) {
    blocks.push({ type: 'heading', level: 1, text: t('doc.concept.pending'), numbered: true });
    if (pending.length) blocks.push({ type: 'list', ordered: false, items: pending.map((tp) => plain(tp.title[language])) });
    if (input.contradictions.length) {
      // Until the answers agree, the concept cannot say which of them holds.
      blocks.push({ type: 'heading', level: 2, text: t('doc.concept.contradictions'), numbered: true });
      blocks.push({ type: 'list', ordered: false, items: input.contradictions.map((c) => plain(c.text[language])) });
    }
    if (elsewhere.length) blocks.push(openPointsTable(elsewhere, input, names));
  }

  return {
    ...coverOf(input, {
      title: t('doc.concept.title'),
      subtitle: `${detail.customer.name} · ${project.name}`,
      subject: t('doc.concept.title'),
      facts: [
        { label: t('doc.customer'), value: detail.customer.name },
        { label: t('doc.project'), value: project.name },
        { label: t('project.product'), value: [project.product, project.productVersion].filter(Boolean).join(' ') },
      ],
      customerLogo: detail.customer.logo,
    }),
    blocks,
  };
}

function openPointsTable(questions: readonly OpenQuestion[], input: ConceptInput, names: ReadonlyMap<string, string>): Block {
  const t = (key: MessageKey) => translate(input.language, key);
  return {
    type: 'table',
    columns: [
      { title: t('workshops.question'), width: 0.55 },
      { title: t('workshops.owner'), width: 0.25 },
      { title: t('workshops.due'), width: 0.2 },
    ],
    rows: questions.map((q) => [plain(q.text), plain(q.ownerId ? (names.get(q.ownerId) ?? '–') : '–'), plain(formatDay(input.language, q.dueDate) || '–')]),
  };
}

function topicSection(tp: Topic, input: ConceptInput, names: ReadonlyMap<string, string>): Block[] {
  const { language } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const answers = input.answers.get(tp.key)!;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: tp.title[language], numbered: true }];
  const sentences: string[] = [];
  const details: { label: string; value: string }[] = [];
  const tables: Block[] = [];
  // A decision that changes an answer stands in its place: the concept must not say what the
  // decision overruled, nor what only followed from it (the fields shown because of it).
  const decided = new Map(input.decisions.filter((d) => d.topicKey === tp.key && d.fieldKey !== null).map((d) => [d.fieldKey!, d]));
  const overruled = new Set(decided.keys());
  for (const field of visibleFields(tp, answers)) {
    const decision = decided.get(field.key);
    if (decision) {
      sentences.push(`${t('doc.concept.decided', { field: field.label[language] })} ${decision.text}`);
      continue;
    }
    if (field.showWhen && overruled.has(field.showWhen.field)) {
      overruled.add(field.key);
      continue;
    }
    const value = answers[field.key];
    if (field.type === 'table' && Array.isArray(value) && value.length > 0) {
      tables.push({
        type: 'table',
        caption: field.label[language],
        columns: field.columns.map((c) => ({ title: c.label[language], width: 1 / field.columns.length })),
        rows: (value as TableRow[]).map((row) =>
          field.columns.map((c) => {
            const cell = row[c.key];
            const shown =
              c.type === 'select'
                ? c.options.find((o) => o.value === cell)?.label[language]
                : typeof cell === 'number'
                  ? c.type === 'number' && c.unit
                    ? formatQuantity(cell, c.unit, language)
                    : formatNumber(cell, language)
                  : cell === true
                    ? t('workshops.yes')
                    : cell === false
                      ? t('workshops.no')
                      : cell;
            return plain(shown ?? '');
          }),
        ),
      });
      continue;
    }
    const text = answerText(field, value, language, names);
    if (text === null) continue;
    const sentence = statementOf(field, value, language, names);
    if (sentence) sentences.push(sentence);
    else details.push({ label: field.label[language], value: text });
  }
  // A few sentences to a paragraph reads better than one long block or a list of lines.
  for (let i = 0; i < sentences.length; i += 4) blocks.push({ type: 'paragraph', runs: plain(sentences.slice(i, i + 4).join(' ')) });
  blocks.push(...tables);
  if (details.length) {
    blocks.push({ type: 'heading', level: 2, text: t('doc.concept.details'), numbered: false });
    blocks.push({ type: 'keyValue', rows: details.map((d) => ({ label: d.label, value: plain(d.value) })) });
  }
  for (const hint of activeHints(tp, answers)) blocks.push({ type: 'paragraph', runs: [{ text: `${t(hint.severity === 'warning' ? 'doc.concept.warning' : 'doc.concept.note')} `, bold: true }, { text: hint.text[language], italic: true }] });
  const decisions = input.decisions.filter((d) => d.topicKey === tp.key);
  if (decisions.length) {
    blocks.push({ type: 'heading', level: 2, text: t('workshops.decisions'), numbered: false });
    blocks.push({ type: 'list', ordered: false, items: decisions.map((d) => plain(d.text)) });
  }
  const open = input.openQuestions.filter((q) => q.topicKey === tp.key);
  if (open.length) {
    blocks.push({ type: 'heading', level: 2, text: t('doc.concept.openPoints'), numbered: false });
    blocks.push(openPointsTable(open, input, names));
  }
  return blocks;
}
