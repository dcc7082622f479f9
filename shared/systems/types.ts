// The installed systems of a project (the Implementation phase's "documentation of all installed
// systems & components"): its environments, the hosts in each with their role, size and who
// operates them, the software on each host with its version and where its configuration lives,
// and the network endpoints each host offers.

export const ENVIRONMENT_KINDS = ['test', 'staging', 'production'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** In the order the architecture diagram draws them, from the entry to the back ends. */
export const HOST_ROLES = ['loadBalancer', 'middleware', 'mysqlPrimary', 'mysqlReplica', 'fileStore', 'mail', 'provisioning', 'other'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

export const OPERATORS = ['customer', 'consultancy', 'hostingPartner'] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Where a prefilled host came from: a workshop topic's key, or the saved sizing. '' for a host the
 * consultant added or imported.
 */
export type HostSource = string;
export const SIZING_SOURCE = 'sizing';

export interface SystemEnvironment {
  id: string;
  projectId: string;
  kind: EnvironmentKind;
  name: string;
  notes: string;
}

export interface SystemHost {
  id: string;
  environmentId: string;
  name: string;
  /** Addresses as typed: IPv4 or IPv6 addresses or further names, separated by commas or spaces. */
  addresses: string;
  role: HostRole;
  operatingSystem: string;
  cpuCores: number | null;
  ramGb: number | null;
  diskGb: number | null;
  /** Who operates it; null while nobody said. */
  operator: Operator | null;
  /** Configuration notes: what was set up how, and why. */
  notes: string;
  source: HostSource;
}

export interface SystemComponent {
  id: string;
  hostId: string;
  name: string;
  version: string;
  /** Where its configuration lives (/opt/open-xchange/etc, a Git repository, an Ansible role). */
  configLocation: string;
}

export interface SystemEndpoint {
  id: string;
  hostId: string;
  protocol: string;
  port: number;
  purpose: string;
}

export interface HostDetail extends SystemHost {
  components: SystemComponent[];
  endpoints: SystemEndpoint[];
}

export interface EnvironmentDetail extends SystemEnvironment {
  hosts: HostDetail[];
}

/** A project's whole inventory: its environments from test to production, each with its hosts. */
export interface Inventory {
  projectId: string;
  environments: EnvironmentDetail[];
}

/** The parts of a host besides its own fields. */
export const HOST_PARTS = ['component', 'endpoint'] as const;
export type HostPart = (typeof HOST_PARTS)[number];

/** What "Fill from workshops" added: each host with the topic (or the sizing) it came from. */
export interface PrefillResult {
  inventory: Inventory;
  added: { name: string; role: HostRole; source: HostSource }[];
}

/** What can be wrong with a line of a host list; the UI says each in its language (systems.problem.*). */
export type HostListProblemReason = 'noName' | 'hostname' | 'role' | 'operator' | 'number' | 'invalid' | 'duplicate' | 'exists' | 'csv' | 'column';

/** A host list pasted or imported, read line by line before anything is written. */
export interface HostListPreview {
  /** The lines that would become hosts. */
  hosts: { line: number; name: string; addresses: string; role: HostRole; operatingSystem: string; cpuCores: number | null; ramGb: number | null; diskGb: number | null; operator: Operator | null }[];
  /**
   * Every problem, by line; a line with a problem is left out. `reason` says what is wrong (a
   * key of the UI's `systems.problem.*` texts), `value` the text it is about.
   */
  problems: { line: number; field: string; reason: HostListProblemReason; value: string }[];
}

export interface HostListResult {
  inventory: Inventory;
  added: number;
  problems: HostListPreview['problems'];
}
