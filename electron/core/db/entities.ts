// What the write path may write: each entity's table and its fields with their value types.
// A change naming anything else is a programming error and is refused before it touches a row.
// Field names are the domain's camelCase names; columns are their snake_case form.

export type FieldType = 'text' | 'integer' | 'boolean';
export interface FieldDef {
  type: FieldType;
  nullable: boolean;
}

const text = (nullable = false): FieldDef => ({ type: 'text', nullable });
const integer = (nullable = false): FieldDef => ({ type: 'integer', nullable });
const boolean: FieldDef = { type: 'boolean', nullable: false };

/** Every entity has a tombstone; a delete is the change `deleted = true`, never a missing row. */
const tombstone = { deleted: boolean };

export const ENTITIES = {
  customer: {
    table: 'customer',
    fields: { name: text(), address: text(), notes: text(), logo: text(true), archived: boolean, createdAt: text(), ...tombstone },
  },
  project: {
    table: 'project',
    fields: {
      customerId: text(),
      name: text(),
      product: text(),
      productVersion: text(),
      description: text(),
      startDate: text(true),
      targetDate: text(true),
      mailboxes: integer(true),
      concurrentSessions: integer(true),
      status: text(),
      phase: text(),
      processTemplate: text(),
      packId: text(),
      statusSummary: text(),
      statusRisks: text(),
      statusLight: text(),
      statusLightReason: text(),
      gateDecision: text(),
      gateDate: text(true),
      gateDecidedBy: text(),
      gateRationale: text(),
      gateConditions: text(),
      createdAt: text(),
      ...tombstone,
    },
  },
  activity: {
    table: 'activity',
    fields: {
      projectId: text(),
      phase: text(),
      templateKey: text(true),
      parentKey: text(true),
      title: text(),
      position: integer(),
      status: text(),
      date: text(true),
      note: text(),
      ...tombstone,
    },
  },
  person: {
    table: 'person',
    fields: { name: text(), organisation: text(), side: text(), email: text(), phone: text(), ...tombstone },
  },
  membership: {
    table: 'membership',
    fields: { projectId: text(), personId: text(), role: text(), responsibilities: text(), ...tombstone },
  },
  templatePack: {
    table: 'template_pack',
    fields: { packId: text(), version: integer(), content: text(), importedAt: text(), ...tombstone },
  },
  workshopSession: {
    table: 'workshop_session',
    fields: {
      projectId: text(),
      topicKey: text(),
      packId: text(),
      packVersion: integer(),
      date: text(true),
      // JSON lists and values are one field each: a change replaces the whole value.
      attendees: text(),
      notes: text(),
      createdAt: text(),
      ...tombstone,
    },
  },
  answer: {
    table: 'answer',
    fields: { sessionId: text(), fieldKey: text(), value: text(), ...tombstone },
  },
  openQuestion: {
    table: 'open_question',
    fields: {
      projectId: text(),
      sessionId: text(true),
      topicKey: text(),
      text: text(),
      ownerId: text(true),
      dueDate: text(true),
      status: text(),
      answer: text(),
      createdAt: text(),
      ...tombstone,
    },
  },
  decision: {
    table: 'decision',
    fields: { projectId: text(), sessionId: text(true), topicKey: text(), fieldKey: text(true), text: text(), createdAt: text(), ...tombstone },
  },
  sizing: {
    table: 'sizing',
    fields: { projectId: text(), input: text(), result: text(), updatedAt: text(), ...tombstone },
  },
  device: { table: 'device', fields: { userName: text(), hostName: text(), personName: text(), email: text(), role: text(), ...tombstone } },
  meeting: {
    table: 'meeting',
    fields: {
      projectId: text(),
      kind: text(),
      title: text(),
      startsAt: text(true),
      durationMinutes: integer(true),
      place: text(),
      chairId: text(true),
      minuteTakerId: text(true),
      previousMinutes: text(),
      previousMinutesNote: text(),
      topicKeys: text(),
      nextMeetingAt: text(true),
      nextMeetingNote: text(),
      createdAt: text(),
      ...tombstone,
    },
  },
  meetingAttendee: { table: 'meeting_attendee', fields: { meetingId: text(), personId: text(), presence: text(), ...tombstone } },
  agendaItem: { table: 'agenda_item', fields: { meetingId: text(), position: integer(), title: text(), notes: text(), ...tombstone } },
  agendaDecision: {
    table: 'agenda_decision',
    fields: { meetingId: text(), agendaItemId: text(), text: text(), createdAt: text(), ...tombstone },
  },
  requirement: {
    table: 'requirement',
    fields: {
      projectId: text(),
      number: integer(),
      title: text(),
      description: text(),
      category: text(),
      topicKey: text(true),
      phase: text(true),
      ownerSide: text(true),
      responsibleId: text(true),
      dueDate: text(true),
      status: text(),
      priority: text(),
      source: text(),
      meetingId: text(true),
      agendaItemId: text(true),
      createdAt: text(),
      ...tombstone,
    },
  },
  requirementComment: {
    table: 'requirement_comment',
    fields: { requirementId: text(), text: text(), author: text(), createdAt: text(), ...tombstone },
  },
  meetingReview: {
    table: 'meeting_review',
    fields: { meetingId: text(), requirementId: text(), outcome: text(), changes: text(), reviewedAt: text(), ...tombstone },
  },
  branding: {
    table: 'branding',
    fields: { consultancyName: text(), address: text(), logo: text(true), accent: text(), footerText: text(), confidentiality: text(), ...tombstone },
  },
  documentExport: {
    table: 'document_export',
    fields: {
      projectId: text(),
      document: text(),
      subjectId: text(true),
      version: integer(),
      formats: text(),
      language: text(),
      hashes: text(),
      author: text(),
      changeNote: text(),
      createdAt: text(),
      ...tombstone,
    },
  },
} as const satisfies Record<string, { table: string; fields: Record<string, FieldDef> }>;

export type EntityName = keyof typeof ENTITIES;
export type FieldName<E extends EntityName> = keyof (typeof ENTITIES)[E]['fields'] & string;
export type FieldValue = string | number | boolean | null;

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(ENTITIES, value);
}

export function columnOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
