// The architecture diagram, once for the concept (drawn from the workshop answers) and the
// installed systems (drawn from the inventory's hosts by role): users on top, the entry, the
// middleware, the back ends below. The same layers in both, so the customer sees the agreed and
// the installed platform alike; the document renderers draw it, the window shows the same data.
import { translate, type Language } from '../i18n/index.ts';
import type { Block } from '../documents/model.ts';
import type { EnvironmentDetail, HostDetail, HostRole } from './types.ts';

export type DiagramBlock = Extract<Block, { type: 'diagram' }>;
type Box = DiagramBlock['layers'][number]['boxes'][number];

/** The four layers, top to bottom; a layer without boxes is left out. */
export function layeredDiagram(language: Language, caption: string, layers: { users: Box[]; entry: Box[]; middleware: Box[]; backends: Box[] }): DiagramBlock {
  const t = (key: 'doc.concept.users' | 'doc.concept.entry' | 'doc.concept.middleware' | 'doc.concept.backends') => translate(language, key);
  return {
    type: 'diagram',
    caption,
    layers: [
      { label: t('doc.concept.users'), boxes: layers.users },
      { label: t('doc.concept.entry'), boxes: layers.entry },
      { label: t('doc.concept.middleware'), boxes: layers.middleware },
      { label: t('doc.concept.backends'), boxes: layers.backends },
    ].filter((layer) => layer.boxes.length > 0),
  };
}

/** More hosts of one role than fit side by side become one box naming them all. */
const MOST_BOXES_PER_ROLE = 4;

const software = (host: HostDetail) =>
  host.components
    .filter((c) => c.name.trim() !== '')
    .map((c) => [c.name.trim(), c.version.trim()].filter(Boolean).join(' '))
    .join(', ');

/** The installed platform of one environment, each host a box under its role's layer. */
export function inventoryDiagram(environment: EnvironmentDetail, language: Language): DiagramBlock {
  const role = (r: HostRole) => translate(language, `systems.role.${r}`);
  const boxes = (roles: readonly HostRole[]): Box[] =>
    roles.flatMap((r) => {
      const hosts = environment.hosts.filter((h) => h.role === r);
      if (hosts.length > MOST_BOXES_PER_ROLE) {
        return [{ title: translate(language, 'systems.diagram.hosts', { role: role(r), count: hosts.length }), detail: hosts.map((h) => h.name).join(', ') }];
      }
      return hosts.map((h) => ({ title: h.name, detail: [role(r), software(h)].filter(Boolean).join(' · ') }));
    });
  const name = environment.name.trim() || translate(language, `systems.kind.${environment.kind}`);
  return layeredDiagram(language, translate(language, 'systems.diagram.caption', { environment: name }), {
    users: [{ title: translate(language, 'doc.concept.browsers'), detail: '' }, { title: translate(language, 'doc.concept.clients'), detail: '' }],
    entry: boxes(['loadBalancer']),
    middleware: boxes(['middleware']),
    backends: boxes(['mysqlPrimary', 'mysqlReplica', 'fileStore', 'mail', 'provisioning', 'other']),
  });
}
