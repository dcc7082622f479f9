// What the inventory's fields may hold, checked at the API boundary and by the host-list import
// alike, so that a pasted line is refused for the same reason a typed value would be.
import { z } from 'zod';
import { isHost } from '../workshops/answers.ts';
import { ENVIRONMENT_KINDS, HOST_ROLES, OPERATORS } from './types.ts';

const line = z.string().max(500);
const text = z.string().max(20_000);

/** A host name or address as the workshop forms check them (mw01.example.com, 10.0.0.11, 2001:db8::11). */
export const hostName = z
  .string()
  .max(253)
  .refine(isHost, { message: 'Expected a host name or address, such as mw01.example.com or 10.0.0.11', params: { reason: 'hostname' } });

/** The words of an address list: commas, semicolons and white space separate them. */
export const addressWords = (value: string): string[] => value.split(/[\s,;]+/).filter((w) => w !== '');

/** Addresses as typed, each a host name or address; empty while unknown. */
const addresses = z
  .string()
  .max(1_000)
  .refine((v) => addressWords(v).every(isHost), { message: 'Expected host names or addresses separated by commas, such as 10.0.0.11, 2001:db8::11', params: { reason: 'hostname' } });

/** Cores and gigabytes: whole numbers, never below zero; null while unknown. */
const size = z.number().int().min(0).max(1_000_000).nullable();

export const environmentFields = {
  kind: z.enum(ENVIRONMENT_KINDS),
  name: line,
  notes: text,
};

export const hostFields = {
  name: hostName,
  addresses,
  role: z.enum(HOST_ROLES),
  operatingSystem: line,
  cpuCores: size,
  ramGb: size,
  diskGb: size,
  operator: z.enum(OPERATORS).nullable(),
  notes: text,
};

export const componentFields = {
  name: line,
  version: line,
  configLocation: line,
};

export const endpointFields = {
  protocol: z.string().max(50),
  port: z.number().int().min(1).max(65_535),
  purpose: line,
};
