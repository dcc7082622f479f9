// Everything entered once: the project's key figures reach the sizing and the technology transfer
// topic, a value flows from the workshop that first asked for it and stays editable where it
// flows to, a recorded Go settles the Go / No-Go topic and a done activity its topic, and action
// items of a meeting take the meeting's phase and topic.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { MeetingDetail } from '../../shared/meetings/types.ts';
import type { ProjectSizing, TopicDetail, WorkshopOverview, WorkshopSession } from '../../shared/workshops/types.ts';
import { openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let detail: ProjectDetail;
const projectId = () => detail.project.id;

function startWorkshop(topicKey: string): WorkshopSession {
  return core.call('sessions.create', { projectId: projectId(), topicKey }) as WorkshopSession;
}
const topic = (topicKey: string) => core.call('workshops.topic', { projectId: projectId(), topicKey }) as TopicDetail;
const stateOf = (topicKey: string) => (core.call('workshops.overview', { projectId: projectId() }) as WorkshopOverview).topics.find((t) => t.key === topicKey)!.state;

beforeEach(() => {
  core = openTestCore();
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  detail = core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail;
  core.call('projects.update', { id: projectId(), mailboxes: 120_000, concurrentSessions: 9_000 });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('everything entered once', () => {
  it('the project key figures reach the technology transfer topic and the sizing, and stay editable there', () => {
    const session = startWorkshop('technology-transfer');
    let current = topic('technology-transfer').sessions.at(-1)!;
    expect(current.answers).toMatchObject({ mailboxCount: 120_000, concurrentSessions: 9_000 });
    expect(current.flowed).toEqual({ mailboxCount: { project: 'mailboxes' }, concurrentSessions: { project: 'concurrentSessions' } });
    // A later change of the key figure reaches the topic while the topic has not answered itself.
    core.call('projects.update', { id: projectId(), mailboxes: 125_000 });
    expect(topic('technology-transfer').sessions.at(-1)!.answers['mailboxCount']).toBe(125_000);
    // Typed in the workshop, the value is the workshop's own.
    core.call('answers.set', { sessionId: session.id, field: 'mailboxCount', value: 130_000 });
    current = topic('technology-transfer').sessions.at(-1)!;
    expect(current.answers['mailboxCount']).toBe(130_000);
    expect(current.flowed).not.toHaveProperty('mailboxCount');

    const sizing = core.call('sizing.get', { projectId: projectId() }) as ProjectSizing;
    expect(sizing.input.accountTypes.reduce((sum, a) => sum + a.mailboxes, 0)).toBe(125_000);
  });

  it('a value flows from the workshop that first asked for it', () => {
    const transfer = startWorkshop('technology-transfer');
    core.call('answers.set', { sessionId: transfer.id, field: 'loadBalancer', value: 'F5 BIG-IP' });
    startWorkshop('load-balancing');
    expect(topic('load-balancing').sessions.at(-1)!.answers['productName']).toBe('F5 BIG-IP');
    // Earlier workshops of a topic stay as they were; only the current one shows what flows in.
    const split = startWorkshop('architecture-split');
    core.call('answers.set', { sessionId: split.id, field: 'middlewareNodes', value: 4 });
    startWorkshop('scaling');
    expect(topic('scaling').sessions.at(-1)!.answers['nodes']).toBe(4);
  });

  it('a recorded Go settles the Go / No-Go topic, and a done activity its topic', () => {
    expect(stateOf('go-no-go')).toBe('notStarted');
    core.call('projects.recordGate', { id: projectId(), decision: 'go', date: '2026-11-20', decidedBy: 'Steering committee', rationale: '', conditions: '' });
    expect(stateOf('go-no-go')).toBe('settled');

    expect(stateOf('technical-demo')).toBe('notStarted');
    const demo = detail.activities.find((a) => a.templateKey === 'technical-demo')!;
    core.call('activities.update', { id: demo.id, status: 'done' });
    expect(stateOf('technical-demo')).toBe('settled');
    startWorkshop('proof-of-concept');
    expect(stateOf('proof-of-concept')).toBe('inProgress');
  });

  it("action items of a meeting take the meeting's topic and phase; of a status call, the project's phase", () => {
    const workshop = core.call('meetings.create', { projectId: projectId(), kind: 'workshop' }) as MeetingDetail;
    core.call('meetings.update', { id: workshop.meeting.id, topicKeys: ['load-balancing', 'storage'] });
    const item = core.call('agenda.add', { meetingId: workshop.meeting.id, title: 'Load balancer' }) as { id: string };
    const action = core.call('requirements.create', { projectId: projectId(), agendaItemId: item.id, title: 'Send the F5 configuration' }) as Requirement;
    expect(action).toMatchObject({ topicKey: 'load-balancing', phase: 'concept', source: 'meeting' });

    const call = core.call('meetings.create', { projectId: projectId(), kind: 'status_call' }) as MeetingDetail;
    const callItem = core.call('agenda.add', { meetingId: call.meeting.id, title: 'Open items' }) as { id: string };
    const own = core.call('requirements.create', { projectId: projectId(), agendaItemId: callItem.id, title: 'Book the training room', phase: 'implementation' }) as Requirement;
    expect(own).toMatchObject({ topicKey: null, phase: 'implementation' });
    const fromCall = core.call('requirements.create', { projectId: projectId(), agendaItemId: callItem.id, title: 'Order the certificates' }) as Requirement;
    expect(fromCall).toMatchObject({ topicKey: null, phase: 'initialization' });
  });
});
