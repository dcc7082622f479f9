// The installed systems: environments, their hosts, each host's software and endpoints; filled
// from the workshops and the sizing, or from a pasted host list. Every write answers with the
// whole inventory, which is small (tens of hosts), so the window shows what the database holds.
import { and, asc, eq, max } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { parseHostList } from '../../../shared/systems/host-list.ts';
import { prefillHosts } from '../../../shared/systems/prefill.ts';
import { ENVIRONMENT_KINDS, type HostListPreview, type HostListResult, type HostPart, type Inventory, type PrefillResult } from '../../../shared/systems/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { loadProject } from './rows.ts';
import { getSizing } from './sizing.ts';
import { latestAnswers } from './workshops.ts';

/** The whole inventory of a project, environments from test to production, hosts and parts in the order they were added. */
export function readInventory(ctx: Context, projectId: string): Inventory {
  const { orm } = ctx.store;
  const ofProject = <T extends typeof t.systemEnvironment | typeof t.systemHost | typeof t.systemComponent | typeof t.systemEndpoint>(table: T) => and(eq(table.projectId, projectId), live(table));
  const environments = orm.select(fieldsOf(t.systemEnvironment)).from(t.systemEnvironment).where(ofProject(t.systemEnvironment)).orderBy(asc(t.systemEnvironment.createdAt), asc(t.systemEnvironment.id)).all();
  const hosts = orm.select(fieldsOf(t.systemHost)).from(t.systemHost).where(ofProject(t.systemHost)).orderBy(asc(t.systemHost.position), asc(t.systemHost.createdAt), asc(t.systemHost.id)).all();
  const components = orm.select(fieldsOf(t.systemComponent)).from(t.systemComponent).where(ofProject(t.systemComponent)).orderBy(asc(t.systemComponent.createdAt), asc(t.systemComponent.id)).all();
  const endpoints = orm.select(fieldsOf(t.systemEndpoint)).from(t.systemEndpoint).where(ofProject(t.systemEndpoint)).orderBy(asc(t.systemEndpoint.createdAt), asc(t.systemEndpoint.id)).all();
  return {
    projectId,
    environments: environments
      .sort((a, b) => ENVIRONMENT_KINDS.indexOf(a.kind) - ENVIRONMENT_KINDS.indexOf(b.kind))
      .map(({ createdAt: _c, ...env }) => ({
        ...env,
        hosts: hosts
          .filter((h) => h.environmentId === env.id)
          .map(({ createdAt: _h, projectId: _p, position: _o, operator, ...host }) => ({
            ...host,
            operator: operator === '' ? null : operator,
            components: components.filter((c) => c.hostId === host.id).map(({ createdAt: _x, projectId: _y, ...c }) => c),
            endpoints: endpoints.filter((e) => e.hostId === host.id).map(({ createdAt: _x, projectId: _y, ...e }) => e),
          })),
      })),
  };
}

export function getInventory(ctx: Context, input: ParsedInput<'systems.get'>): Inventory {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return readInventory(ctx, input.projectId);
}

function loadEnvironment(ctx: Context, id: string, field: string): { projectId: string; name: string; kind: string } {
  const row = ctx.store.orm.select({ projectId: t.systemEnvironment.projectId, name: t.systemEnvironment.name, kind: t.systemEnvironment.kind }).from(t.systemEnvironment).where(liveRow(t.systemEnvironment, id)).get();
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no environment with id ${id}` });
  return row;
}

function loadHost(ctx: Context, id: string, field: string): { projectId: string; environmentId: string } {
  const row = ctx.store.orm.select({ projectId: t.systemHost.projectId, environmentId: t.systemHost.environmentId }).from(t.systemHost).where(liveRow(t.systemHost, id)).get();
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no host with id ${id}` });
  return row;
}

/** Where a new host goes: after the environment's last one. */
function nextPosition(ctx: Context, environmentId: string): number {
  const row = ctx.store.orm.select({ last: max(t.systemHost.position) }).from(t.systemHost).where(and(eq(t.systemHost.environmentId, environmentId), live(t.systemHost))).get();
  return (row?.last ?? -1) + 1;
}

/** The names of an environment's hosts, lower case: a name is there once per environment. */
function hostNames(ctx: Context, environmentId: string, except?: string): Set<string> {
  const rows = ctx.store.orm.select({ id: t.systemHost.id, name: t.systemHost.name }).from(t.systemHost).where(and(eq(t.systemHost.environmentId, environmentId), live(t.systemHost))).all();
  return new Set(rows.filter((r) => r.id !== except).map((r) => r.name.trim().toLowerCase()));
}

function refuseTakenName(ctx: Context, environmentId: string, name: string, except?: string): void {
  if (hostNames(ctx, environmentId, except).has(name.trim().toLowerCase())) {
    const message = `this environment already has a host named ${name.trim()}`;
    throw new ApiError({ code: 'invalid_input', field: 'name', message: `name: ${message}`, issues: [{ field: 'name', message, reason: 'hostTaken' }] });
  }
}

export function addEnvironment(ctx: Context, input: ParsedInput<'systems.addEnvironment'>): Inventory {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  ctx.store.apply(changesFor('systemEnvironment', newId(), { projectId: input.projectId, kind: input.kind, name: input.name ?? '', notes: input.notes ?? '', createdAt: ctx.now().toISOString() }));
  return readInventory(ctx, input.projectId);
}

export function updateEnvironment(ctx: Context, input: ParsedInput<'systems.updateEnvironment'>): Inventory {
  const { id, ...fields } = input;
  const { projectId } = loadEnvironment(ctx, id, 'id');
  ctx.store.apply(changesFor('systemEnvironment', id, fields));
  return readInventory(ctx, projectId);
}

export function removeEnvironment(ctx: Context, input: ParsedInput<'systems.removeEnvironment'>): Inventory {
  const { projectId } = loadEnvironment(ctx, input.id, 'id');
  // The hosts go with it, so that nothing of the environment is left to list.
  const hosts = ctx.store.orm.select({ id: t.systemHost.id }).from(t.systemHost).where(and(eq(t.systemHost.environmentId, input.id), live(t.systemHost))).all();
  for (const host of hosts) removeHostRow(ctx, host.id);
  ctx.store.apply(changesFor('systemEnvironment', input.id, { deleted: true }));
  return readInventory(ctx, projectId);
}

export function addHost(ctx: Context, input: ParsedInput<'systems.addHost'>): Inventory {
  const { environmentId, operator, ...fields } = input;
  const { projectId } = loadEnvironment(ctx, environmentId, 'environmentId');
  refuseTakenName(ctx, environmentId, fields.name);
  ctx.store.apply(changesFor('systemHost', newId(), { projectId, environmentId, ...fields, operator: operator ?? '', position: nextPosition(ctx, environmentId), createdAt: ctx.now().toISOString() }));
  return readInventory(ctx, projectId);
}

export function updateHost(ctx: Context, input: ParsedInput<'systems.updateHost'>): Inventory {
  const { id, operator, ...fields } = input;
  const { projectId, environmentId } = loadHost(ctx, id, 'id');
  if (fields.name !== undefined) refuseTakenName(ctx, environmentId, fields.name, id);
  ctx.store.apply(changesFor('systemHost', id, { ...fields, operator: operator === undefined ? undefined : (operator ?? '') }));
  return readInventory(ctx, projectId);
}

function removeHostRow(ctx: Context, hostId: string): void {
  for (const table of [t.systemComponent, t.systemEndpoint]) {
    const entity = table === t.systemComponent ? 'systemComponent' : 'systemEndpoint';
    for (const part of ctx.store.orm.select({ id: table.id }).from(table).where(and(eq(table.hostId, hostId), live(table))).all()) ctx.store.apply(changesFor(entity, part.id, { deleted: true }));
  }
  ctx.store.apply(changesFor('systemHost', hostId, { deleted: true }));
}

export function removeHost(ctx: Context, input: ParsedInput<'systems.removeHost'>): Inventory {
  const { projectId } = loadHost(ctx, input.id, 'id');
  removeHostRow(ctx, input.id);
  return readInventory(ctx, projectId);
}

const PART_ENTITY = { component: 'systemComponent', endpoint: 'systemEndpoint' } as const;

function loadPart(ctx: Context, part: HostPart, id: string): { projectId: string } {
  const table = part === 'component' ? t.systemComponent : t.systemEndpoint;
  const row = ctx.store.orm.select({ projectId: table.projectId }).from(table).where(liveRow(table, id)).get();
  if (!row) throw new ApiError({ code: 'not_found', field: 'id', message: `id: no ${part} with id ${id}` });
  return row;
}

export function addHostPart(ctx: Context, input: ParsedInput<'systems.addPart'>): Inventory {
  const { projectId } = loadHost(ctx, input.hostId, 'hostId');
  const common = { projectId, hostId: input.hostId, createdAt: ctx.now().toISOString() };
  if (input.part === 'component') {
    const { part: _part, hostId: _host, ...fields } = input;
    ctx.store.apply(changesFor('systemComponent', newId(), { ...common, ...fields }));
  } else {
    const { part: _part, hostId: _host, ...fields } = input;
    ctx.store.apply(changesFor('systemEndpoint', newId(), { ...common, ...fields }));
  }
  return readInventory(ctx, projectId);
}

export function updateHostPart(ctx: Context, input: ParsedInput<'systems.updatePart'>): Inventory {
  const { projectId } = loadPart(ctx, input.part, input.id);
  if (input.part === 'component') {
    const { part: _part, id, ...fields } = input;
    ctx.store.apply(changesFor('systemComponent', id, fields));
  } else {
    const { part: _part, id, ...fields } = input;
    ctx.store.apply(changesFor('systemEndpoint', id, fields));
  }
  return readInventory(ctx, projectId);
}

export function removeHostPart(ctx: Context, input: ParsedInput<'systems.removePart'>): Inventory {
  const { projectId } = loadPart(ctx, input.part, input.id);
  ctx.store.apply(changesFor(PART_ENTITY[input.part], input.id, { deleted: true }));
  return readInventory(ctx, projectId);
}

export function prefillEnvironment(ctx: Context, input: ParsedInput<'systems.prefill'>): PrefillResult {
  const environment = loadEnvironment(ctx, input.environmentId, 'environmentId');
  if (environment.projectId !== input.projectId) {
    throw new ApiError({ code: 'invalid_input', field: 'environmentId', message: 'environmentId: the environment belongs to another project' });
  }
  const project = loadProject(ctx, input.projectId);
  const sizing = getSizing(ctx, { projectId: input.projectId });
  const existing = readInventory(ctx, input.projectId).environments.find((e) => e.id === input.environmentId)!.hosts;
  const hosts = prefillHosts({ answers: latestAnswers(ctx, input.projectId), sizing: sizing.updatedAt ? sizing : null, product: { name: project.product, version: project.productVersion }, existing });
  for (const { components, operator, ...host } of hosts) {
    const hostId = newId();
    const createdAt = ctx.now().toISOString();
    ctx.store.apply(changesFor('systemHost', hostId, { projectId: input.projectId, environmentId: input.environmentId, ...host, operator: operator ?? '', position: nextPosition(ctx, input.environmentId), createdAt }));
    for (const c of components) ctx.store.apply(changesFor('systemComponent', newId(), { projectId: input.projectId, hostId, ...c, createdAt }));
  }
  return { inventory: readInventory(ctx, input.projectId), added: hosts.map((h) => ({ name: h.name, role: h.role, source: h.source })) };
}

/** The list read, and the hosts the environment has already named as problems too. */
function planHostList(ctx: Context, environmentId: string, text: string): HostListPreview {
  loadEnvironment(ctx, environmentId, 'environmentId');
  const parsed = parseHostList(text);
  const taken = hostNames(ctx, environmentId);
  const there = parsed.hosts.filter((h) => taken.has(h.name.toLowerCase()));
  return {
    hosts: parsed.hosts.filter((h) => !there.includes(h)),
    problems: [...parsed.problems, ...there.map((h) => ({ line: h.line, field: 'name', reason: 'exists' as const, value: h.name }))].sort((a, b) => a.line - b.line),
  };
}

export function previewHosts(ctx: Context, input: ParsedInput<'systems.previewHosts'>): HostListPreview {
  return planHostList(ctx, input.environmentId, input.text);
}

export function importHosts(ctx: Context, input: ParsedInput<'systems.importHosts'>): HostListResult {
  const plan = planHostList(ctx, input.environmentId, input.text);
  const { projectId } = loadEnvironment(ctx, input.environmentId, 'environmentId');
  for (const { line: _line, operator, ...host } of plan.hosts) {
    ctx.store.apply(changesFor('systemHost', newId(), { projectId, environmentId: input.environmentId, ...host, operator: operator ?? '', position: nextPosition(ctx, input.environmentId), createdAt: ctx.now().toISOString() }));
  }
  return { inventory: readInventory(ctx, projectId), added: plan.hosts.length, problems: plan.problems };
}
