// The technical documentation of the installed systems: per environment its hosts (role,
// addresses, operating system, size, who operates them), the software with its versions, the
// network endpoints and ports, the configuration notes and where the configuration lives, and the
// architecture drawn from what is installed; a sign-off for support and the customer. The
// environments' chapters (systemsBlocks) are also the handover protocol's. Pure.
import type { Customer, Project } from '../domain.ts';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { formatQuantity } from '../quantity.ts';
import { inventoryDiagram } from '../systems/diagram.ts';
import type { EnvironmentDetail, HostDetail, Inventory } from '../systems/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { paragraphs, plain, type Block, type DocumentModel } from './model.ts';

export interface SystemsDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  inventory: Inventory;
}


/** "Production environment: Nordhafen live", or the kind alone for an environment without a name. */
function environmentTitle(environment: EnvironmentDetail, language: Language): string {
  const kind = translate(language, `systems.kind.${environment.kind}`);
  return environment.name.trim() === '' ? kind : translate(language, 'doc.systems.environmentHeading', { kind, name: environment.name.trim() });
}

function environmentBlocks(environment: EnvironmentDetail, language: Language): Block[] {
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const subheading = (text: string): Block => ({ type: 'heading', level: 2, text, numbered: true });
  const none = (key: MessageKey): Block => ({ type: 'paragraph', runs: plain(t(key)) });
  const { hosts } = environment;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: environmentTitle(environment, language), numbered: true }, ...paragraphs(environment.notes)];
  if (hosts.length === 0) return [...blocks, none('doc.systems.noHosts')];

  const size = (h: HostDetail) =>
    [h.cpuCores === null ? null : formatQuantity(h.cpuCores, 'cores', language), h.ramGb === null ? null : `${formatQuantity(h.ramGb, 'GB', language)} RAM`, h.diskGb === null ? null : formatQuantity(h.diskGb, 'GB', language)]
      .filter(Boolean)
      .join(' / ') || '–';
  blocks.push(subheading(t('systems.hosts')), {
    type: 'table',
    columns: [
      { title: t('systems.hostName'), width: 0.24 },
      { title: t('systems.addresses'), width: 0.2 },
      { title: t('systems.role'), width: 0.15 },
      { title: t('systems.operatingSystem'), width: 0.14 },
      { title: t('doc.systems.size'), width: 0.15 },
      { title: t('systems.operator'), width: 0.12 },
    ],
    rows: hosts.map((h) => [
      plain(h.name),
      plain(h.addresses.trim() || '–'),
      plain(t(`systems.role.${h.role}`)),
      plain(h.operatingSystem.trim() || '–'),
      plain(size(h)),
      plain(h.operator ? t(`systems.operator.${h.operator}`) : '–'),
    ]),
  });

  const components = hosts.flatMap((h) => h.components.map((c) => ({ host: h.name, ...c })));
  blocks.push(subheading(t('systems.components')));
  if (components.length === 0) blocks.push(none('doc.systems.noComponents'));
  else {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.systems.host'), width: 0.26 },
        { title: t('systems.componentName'), width: 0.26 },
        { title: t('systems.version'), width: 0.16 },
        { title: t('systems.configLocation'), width: 0.32 },
      ],
      rows: components.map((c) => [plain(c.host), plain(c.name.trim() || '–'), plain(c.version.trim() || '–'), plain(c.configLocation.trim() || '–')]),
    });
  }

  const endpoints = hosts.flatMap((h) => h.endpoints.map((e) => ({ host: h.name, ...e })));
  blocks.push(subheading(t('systems.endpoints')));
  if (endpoints.length === 0) blocks.push(none('doc.systems.noEndpoints'));
  else {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.systems.host'), width: 0.3 },
        { title: t('systems.protocol'), width: 0.16 },
        // A port is a number, but not a quantity: 8009, never 8.009.
        { title: t('systems.port'), width: 0.12 },
        { title: t('systems.purpose'), width: 0.42 },
      ],
      rows: endpoints.map((e) => [plain(e.host), plain(e.protocol.trim() || '–'), plain(String(e.port)), plain(e.purpose.trim() || '–')]),
    });
  }

  blocks.push(subheading(t('doc.systems.configuration')));
  const noted = hosts.filter((h) => h.notes.trim() !== '');
  if (noted.length === 0) blocks.push(none('doc.systems.noConfiguration'));
  for (const h of noted) blocks.push({ type: 'paragraph', runs: [{ text: h.name, bold: true }] }, ...paragraphs(h.notes));

  blocks.push(subheading(t('systems.diagram')), inventoryDiagram(environment, language));
  return blocks;
}

/** The installed systems' chapters, one per environment (headings at level 1), for this document and the handover protocol. */
export function systemsBlocks(inventory: Inventory, language: Language): Block[] {
  if (inventory.environments.length === 0) return [{ type: 'paragraph', runs: plain(translate(language, 'doc.systems.noEnvironments')) }];
  return inventory.environments.flatMap((e) => environmentBlocks(e, language));
}

export function systemsDocument(input: SystemsDocInput): DocumentModel {
  const { language, inventory } = input;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const blocks: Block[] = [
    { type: 'toc', title: t('doc.contents') },
    { type: 'heading', level: 1, text: t('doc.systems.overview'), numbered: true },
    { type: 'paragraph', runs: plain(t('doc.systems.overviewIntro')) },
  ];
  if (inventory.environments.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.systems.environment'), width: 0.7 },
        { title: t('doc.systems.hostCount'), width: 0.3 },
      ],
      rows: inventory.environments.map((e) => [plain(environmentTitle(e, language)), plain(String(e.hosts.length))]),
    });
  }
  blocks.push(...systemsBlocks(inventory, language));
  blocks.push(
    { type: 'heading', level: 1, text: t('doc.systems.signOff'), numbered: true },
    { type: 'paragraph', runs: plain(t('doc.systems.signOffIntro')) },
    {
      type: 'signatures',
      parties: [
        { organisation: t('doc.systems.supportParty'), name: '', role: t('doc.sow.placeDate') },
        { organisation: `${t('doc.systems.customerParty')}: ${input.customer.name.trim()}`, name: '', role: t('doc.sow.placeDate') },
      ],
    },
  );
  return {
    ...coverOf(input, {
      title: t('doc.systems.title'),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.systems.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.systems.hostCount'), value: String(inventory.environments.reduce((n, e) => n + e.hosts.length, 0)) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
