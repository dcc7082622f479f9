import { and, eq } from 'drizzle-orm';
import type { Customer } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { byName, fieldsOf, live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, matches, type Context } from './context.ts';
import { loadCustomer } from './rows.ts';

export function listCustomers(ctx: Context, input: ParsedInput<'customers.list'>): Customer[] {
  const rows = ctx.store.orm
    .select(fieldsOf(t.customer))
    .from(t.customer)
    .where(and(live(t.customer), input.includeArchived ? undefined : eq(t.customer.archived, false)))
    .orderBy(byName(t.customer.name))
    .all();
  return rows.filter((c) => matches(input.search, c.name, c.address, c.notes));
}

export function createCustomer(ctx: Context, input: ParsedInput<'customers.create'>): Customer {
  const id = newId();
  ctx.store.apply(
    changesFor('customer', id, {
      name: input.name,
      address: input.address ?? '',
      notes: input.notes ?? '',
      logo: input.logo ?? null,
      archived: false,
      createdAt: ctx.now().toISOString(),
    }),
  );
  return loadCustomer(ctx, id);
}

export function updateCustomer(ctx: Context, input: ParsedInput<'customers.update'>): Customer {
  const { id, ...fields } = input;
  loadCustomer(ctx, id);
  ctx.store.apply(changesFor('customer', id, fields));
  return loadCustomer(ctx, id);
}

export function archiveCustomer(ctx: Context, input: ParsedInput<'customers.archive'>): Customer {
  loadCustomer(ctx, input.id);
  ctx.store.apply(changesFor('customer', input.id, { archived: input.archived }));
  return loadCustomer(ctx, input.id);
}
