// Trainings and lessons learned through the API on a real SQLite file: a training's parts are the
// meeting's (audience, trainer, topics from the pack), its materials round-trip byte for byte and
// are refused when the bytes are not what the type says, feedback comes from attendees present
// only; the customer's feedback averages its scores; a retrospective action with a follow-up
// project is a checklist item there (consultancy side, owner responsible, due date, linked both
// ways) and one without stays a note; every refusal names its field and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Requirement, RequirementDetail } from '../../shared/checklist/types.ts';
import type { Person, ProjectDetail } from '../../shared/domain.ts';
import type { ActionOrigin, LessonsDetail } from '../../shared/lessons/types.ts';
import { scoreSummary } from '../../shared/meetings/training.ts';
import type { MeetingDetail, TrainingMaterialFile } from '../../shared/meetings/types.ts';
import { refused } from '../support/refused.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let project: ProjectDetail;
let internal: ProjectDetail;
let anja: Person;
let jonas: Person;
let miriam: Person;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;
const projectId = () => project.project.id;

beforeEach(() => {
  core = openTestCore();
  const customer = call<{ id: string }>('customers.create', { name: 'Stadtwerke Nordhafen' });
  const consultancy = call<{ id: string }>('customers.create', { name: 'Fieldbook Consulting' });
  project = call<ProjectDetail>('projects.create', { customerId: customer.id, name: 'Webmail 2027' });
  internal = call<ProjectDetail>('projects.create', { customerId: consultancy.id, name: 'Practice improvements' });
  anja = call<Person>('people.create', { name: 'Dr. Anja Petersen', side: 'customer' });
  jonas = call<Person>('people.create', { name: 'Jonas Weber', side: 'customer' });
  miriam = call<Person>('people.create', { name: 'Miriam Kaya', side: 'consultancy' });
  for (const p of [anja, jonas, miriam]) call('members.add', { projectId: projectId(), personId: p.id, role: 'Team' });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

function training(): MeetingDetail {
  const made = call<MeetingDetail>('meetings.create', { projectId: projectId(), kind: 'training', startsAt: '2026-12-07T09:00' });
  call('meetings.setAttendee', { meetingId: made.meeting.id, personId: anja.id, presence: 'present' });
  return call<MeetingDetail>('meetings.setAttendee', { meetingId: made.meeting.id, personId: jonas.id, presence: 'apologies' });
}

const PDF = Buffer.from('%PDF-1.4\n% slides for the admin training\n%%EOF\n');

describe('a training is a meeting with parts of its own', () => {
  it('keeps audience, trainer and topics from the pack on the meeting, and refuses a topic the pack lacks', () => {
    const { meeting } = training();
    const topics = call<{ key: string }[]>('training.topics', { projectId: projectId() });
    expect(topics.map((x) => x.key)).toContain('provisioning');
    const updated = call<MeetingDetail>('meetings.update', {
      id: meeting.id,
      trainingAudience: ['admins', 'other'],
      trainingAudienceOther: 'Hotline',
      trainerId: miriam.id,
      trainingTopicKeys: ['provisioning', 'backup-restore'],
      trainingCustomTopics: ['  Migration of the old webmail  ', ''],
    });
    expect(updated.meeting).toMatchObject({
      trainingAudience: ['admins', 'other'],
      trainingAudienceOther: 'Hotline',
      trainerId: miriam.id,
      trainingTopicKeys: ['provisioning', 'backup-restore'],
      trainingCustomTopics: ['Migration of the old webmail'],
    });
    expect(refused(core, 'meetings.update', { id: meeting.id, trainingTopicKeys: ['provisioning', 'juggling'] })).toMatchObject({ code: 'not_found', field: 'trainingTopicKeys.1' });
    const outsider = call<Person>('people.create', { name: 'Olaf Outsider', side: 'partner' });
    expect(refused(core, 'meetings.update', { id: meeting.id, trainerId: outsider.id })).toMatchObject({ code: 'not_found', field: 'trainerId' });
  });

  it('keeps a material file byte for byte, and a link; refuses bytes that are not what the type says', () => {
    const { meeting } = training();
    const withFile = call<MeetingDetail>('training.addMaterial', { meetingId: meeting.id, name: 'admin-slides.pdf', mediaType: 'application/pdf', base64: PDF.toString('base64') });
    expect(withFile.materials).toEqual([expect.objectContaining({ name: 'admin-slides.pdf', mediaType: 'application/pdf', bytes: PDF.length, link: '' })]);
    const file = call<TrainingMaterialFile>('training.material', { id: withFile.materials[0]!.id });
    expect(Buffer.from(file.dataUrl.replace(/^data:application\/pdf;base64,/, ''), 'base64').equals(PDF)).toBe(true);

    const withLink = call<MeetingDetail>('training.addMaterial', { meetingId: meeting.id, name: 'Admin guide', link: 'https://documentation.open-xchange.com/' });
    expect(withLink.materials.map((m) => m.link)).toEqual(['', 'https://documentation.open-xchange.com/']);

    expect(refused(core, 'training.addMaterial', { meetingId: meeting.id, name: 'slides.pdf', mediaType: 'application/pdf', base64: Buffer.from('not a pdf').toString('base64') })).toMatchObject({ code: 'invalid_input', field: 'base64' });
    expect(refused(core, 'training.addMaterial', { meetingId: meeting.id, name: 'tool.exe', mediaType: 'application/x-msdownload', base64: 'TVqQ' })).toMatchObject({ code: 'invalid_input', field: 'mediaType' });
    expect(refused(core, 'training.addMaterial', { meetingId: meeting.id, name: 'both', link: 'https://x.example/', mediaType: 'application/pdf', base64: PDF.toString('base64') })).toMatchObject({ code: 'invalid_input', field: 'link' });
    const call0 = call<MeetingDetail>('meetings.create', { projectId: projectId(), kind: 'status_call' });
    expect(refused(core, 'training.addMaterial', { meetingId: call0.meeting.id, name: 'Guide', link: 'https://x.example/' })).toMatchObject({ code: 'invalid_input', field: 'meetingId' });
  });

  it('takes feedback from attendees present only, and averages their scores', () => {
    const { meeting } = training();
    const after = call<MeetingDetail>('training.setFeedback', { meetingId: meeting.id, personId: anja.id, score: 4, comment: 'Very practical' });
    expect(after.feedback).toEqual([{ personId: anja.id, score: 4, comment: 'Very practical' }]);
    expect(refused(core, 'training.setFeedback', { meetingId: meeting.id, personId: jonas.id, score: 5 })).toMatchObject({ code: 'invalid_input', field: 'personId' });
    expect(refused(core, 'training.setFeedback', { meetingId: meeting.id, personId: anja.id, score: 6 })).toMatchObject({ code: 'invalid_input', field: 'score' });
    expect(scoreSummary([4, null, 5, 5])).toEqual({ count: 3, average: 4.7 });
    expect(scoreSummary([null])).toEqual({ count: 0, average: null });
  });
});

describe('lessons learned', () => {
  it("hold the customer's answers per question of the pack with their average, and the meeting they were given in", () => {
    const empty = call<LessonsDetail>('lessons.get', { projectId: projectId() });
    expect(empty.feedback.map((f) => f.questionKey)).toEqual(['communication', 'quality', 'documentation', 'training', 'deadlines', 'overall']);
    expect(empty.average).toBeNull();
    call('lessons.setFeedback', { projectId: projectId(), questionKey: 'communication', score: 5, comment: 'Weekly calls helped' });
    call('lessons.setFeedback', { projectId: projectId(), questionKey: 'deadlines', score: 3 });
    const lessons = call<LessonsDetail>('lessons.setFeedback', { projectId: projectId(), questionKey: 'overall', score: 4 });
    expect(lessons.average).toBe(4);
    expect(lessons.feedback[0]).toMatchObject({ score: 5, comment: 'Weekly calls helped', question: { de: 'Wie zufrieden waren Sie mit der Kommunikation im Projekt?' } });

    const retro = call<MeetingDetail>('meetings.create', { projectId: projectId(), kind: 'retrospective' });
    expect(call<LessonsDetail>('lessons.update', { projectId: projectId(), feedbackMeetingId: retro.meeting.id, feedbackBy: 'Dr. Anja Petersen' })).toMatchObject({ feedbackMeetingId: retro.meeting.id, feedbackBy: 'Dr. Anja Petersen' });
    const status = call<MeetingDetail>('meetings.create', { projectId: projectId(), kind: 'status_call' });
    expect(refused(core, 'lessons.update', { projectId: projectId(), feedbackMeetingId: status.meeting.id })).toMatchObject({ code: 'invalid_input', field: 'feedbackMeetingId' });
    expect(refused(core, 'lessons.setFeedback', { projectId: projectId(), questionKey: 'weather', score: 2 })).toMatchObject({ code: 'not_found', field: 'questionKey' });
  });

  it("put an action with a follow-up project on that project's checklist, linked both ways; without one it stays a note", () => {
    const withFollowUp = call<LessonsDetail>('lessons.addAction', {
      projectId: projectId(),
      text: 'Sizing sheet for small installations',
      ownerId: miriam.id,
      dueDate: '2027-01-15',
      followUpProjectId: internal.project.id,
    });
    const action = withFollowUp.actions[0]!;
    expect(action.followUp).toMatchObject({ projectId: internal.project.id, projectName: 'Practice improvements', number: 1 });
    const items = call<Requirement[]>('requirements.list', { projectId: internal.project.id });
    expect(items).toEqual([
      expect.objectContaining({ id: action.followUp!.requirementId, title: 'Sizing sheet for small installations', ownerSide: 'consultancy', responsibleId: miriam.id, dueDate: '2027-01-15', source: 'retrospective' }),
    ]);
    // The owner was not on the follow-up project: now they are, as its item's responsible.
    expect(call<ProjectDetail>('projects.get', { id: internal.project.id }).members.map((m) => m.personId)).toEqual([miriam.id]);
    expect(call<{ origin: ActionOrigin | null }>('lessons.actionOrigin', { requirementId: items[0]!.id }).origin).toEqual({ actionId: action.id, projectId: projectId(), projectName: 'Webmail 2027' });

    // The item follows the action; no follow-up project makes the action a note again.
    call('lessons.updateAction', { id: action.id, dueDate: '2027-02-01', text: 'Sizing sheet for small and medium installations' });
    expect(call<RequirementDetail>('requirements.get', { id: items[0]!.id }).requirement).toMatchObject({ dueDate: '2027-02-01', title: 'Sizing sheet for small and medium installations' });
    const asNote = call<LessonsDetail>('lessons.updateAction', { id: action.id, followUpProjectId: null });
    expect(asNote.actions[0]!.followUp).toBeNull();
    expect(call<Requirement[]>('requirements.list', { projectId: internal.project.id })).toEqual([]);

    const note = call<LessonsDetail>('lessons.addAction', { projectId: projectId(), text: 'Ask for the LDAP schema in the first workshop' });
    expect(note.actions[1]).toMatchObject({ text: 'Ask for the LDAP schema in the first workshop', followUp: null });
    expect(call<Requirement[]>('requirements.list', { projectId: projectId() })).toEqual([]);
  });

  it('refuse an owner of the customer side, the same project as follow-up and an unknown one, naming the field', () => {
    expect(refused(core, 'lessons.addAction', { projectId: projectId(), text: 'x', ownerId: anja.id })).toMatchObject({ code: 'invalid_input', field: 'ownerId' });
    expect(refused(core, 'lessons.addAction', { projectId: projectId(), text: 'x', followUpProjectId: projectId() })).toMatchObject({ code: 'invalid_input', field: 'followUpProjectId' });
    expect(refused(core, 'lessons.addAction', { projectId: projectId(), text: ' ' })).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(refused(core, 'lessons.addNote', { projectId: projectId(), kind: 'went_well', text: '' })).toMatchObject({ code: 'invalid_input', field: 'text' });
  });

  it("keep the consultants' notes, what went well and what to improve, each with its author", () => {
    call('lessons.addNote', { projectId: projectId(), kind: 'personal', text: 'Bring the sizing to the first workshop', authorId: miriam.id });
    call('lessons.addNote', { projectId: projectId(), kind: 'went_well', text: 'Status calls every Friday' });
    const lessons = call<LessonsDetail>('lessons.addNote', { projectId: projectId(), kind: 'to_improve', text: 'Test accounts earlier' });
    expect(lessons.notes.map((n) => [n.kind, n.text, n.authorId])).toEqual([
      ['personal', 'Bring the sizing to the first workshop', miriam.id],
      ['went_well', 'Status calls every Friday', null],
      ['to_improve', 'Test accounts earlier', null],
    ]);
  });
});
