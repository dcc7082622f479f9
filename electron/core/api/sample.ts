// "Create sample project": a realistic example a newcomer can look around in. Built through the
// same handlers as any user action, so it lands in the change log like everything else.
import type { ProjectDetail, Side } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import type { AnswerValue } from '../../../shared/workshops/answers.ts';
import type { Context } from './context.ts';
import { createCustomer } from './customers.ts';
import { addMember, createPerson } from './people.ts';
import { createProject, getProject, recordGate, setPhase } from './projects.ts';
import { updateActivity } from './activities.ts';
import { addDecision, createSession, setAnswer } from './workshops.ts';

type Lang = 'en' | 'de';
const pick = (lang: Lang, en: string, de: string): string => (lang === 'de' ? de : en);

function isoDay(base: Date, offsetDays: number): string {
  return new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const PEOPLE: { name: string; organisation: string; side: Side; email: string; phone: string; role: [string, string]; duty: [string, string] }[] = [
  {
    name: 'Dr. Anja Petersen',
    organisation: 'Stadtwerke Nordhafen',
    side: 'customer',
    email: 'anja.petersen@stadtwerke-nordhafen.example',
    phone: '+49 40 5550 1200',
    role: ['CIO, project sponsor', 'CIO, Auftraggeberin'],
    duty: ['Budget, Go/No-Go, escalations', 'Budget, Go/No-Go, Eskalationen'],
  },
  {
    name: 'Jonas Weber',
    organisation: 'Stadtwerke Nordhafen',
    side: 'customer',
    email: 'jonas.weber@stadtwerke-nordhafen.example',
    phone: '+49 40 5550 1247',
    role: ['Mail system administrator', 'Administrator Mailsystem'],
    duty: ['Dovecot/Postfix, LDAP, provisioning scripts', 'Dovecot/Postfix, LDAP, Provisionierungsskripte'],
  },
  {
    name: 'Miriam Kaya',
    organisation: 'Fieldbook Consulting',
    side: 'consultancy',
    email: 'miriam.kaya@consulting.example',
    phone: '+49 30 5550 8800',
    role: ['Lead consultant', 'Leitende Beraterin'],
    duty: ['Workshops, implementation concept, status calls', 'Workshops, Implementierungskonzept, Statustermine'],
  },
  {
    name: 'Lukas Brandt',
    organisation: 'Hanse Hosting AG',
    side: 'partner',
    email: 'l.brandt@hanse-hosting.example',
    phone: '+49 40 5550 3310',
    role: ['Hosting partner, operations', 'Hosting-Partner, Betrieb'],
    duty: ['Load balancers, storage, MySQL operations', 'Load Balancer, Storage, MySQL-Betrieb'],
  },
];

export function createSampleProject(ctx: Context, input: ParsedInput<'projects.createSample'>): ProjectDetail {
  const lang: Lang = input.language ?? 'en';
  const today = ctx.now();
  const customer = createCustomer(ctx, {
    name: 'Stadtwerke Nordhafen GmbH',
    address: 'Hafenstraße 12\n20457 Hamburg\nGermany',
    notes: pick(
      lang,
      'Municipal utility offering e-mail to 120,000 residential customers. Current webmail (Horde) is end of life.',
      'Kommunaler Versorger mit E-Mail für 120.000 Privatkunden. Das bisherige Webmail (Horde) ist abgekündigt.',
    ),
  });
  const { project } = createProject(ctx, {
    customerId: customer.id,
    name: pick(lang, 'Webmail replacement 2027', 'Webmail-Ablösung 2027'),
    productVersion: '8.x',
    description: pick(
      lang,
      'Replace Horde webmail with Open-Xchange App Suite on the existing Dovecot/Postfix mail system, with LDAP authentication and customer branding.',
      'Ablösung von Horde durch Open-Xchange App Suite auf dem bestehenden Dovecot/Postfix-Mailsystem, mit LDAP-Authentifizierung und Kunden-Branding.',
    ),
    startDate: isoDay(today, -45),
    targetDate: isoDay(today, 140),
    mailboxes: 120_000,
    concurrentSessions: 9_000,
  });
  for (const p of PEOPLE) {
    const person = createPerson(ctx, { name: p.name, organisation: p.organisation, side: p.side, email: p.email, phone: p.phone });
    addMember(ctx, {
      projectId: project.id,
      personId: person.id,
      role: pick(lang, ...p.role),
      responsibilities: pick(lang, ...p.duty),
    });
  }

  const { activities } = getProject(ctx, { id: project.id });
  const progress: Record<string, { status: 'done' | 'in_progress'; day: number; note?: [string, string] }> = {
    'technical-demo': { status: 'done', day: -42, note: ['On site in Hamburg; goal: replace Horde, keep Dovecot.', 'Vor Ort in Hamburg; Ziel: Horde ablösen, Dovecot behalten.'] },
    'architecture-overview': { status: 'done', day: -35 },
    'proof-of-concept': { status: 'done', day: -21, note: ['VM with 5 test accounts; feedback positive.', 'VM mit 5 Testkonten; Feedback positiv.'] },
    'technology-transfer': { status: 'done', day: -14 },
    'detail-workshops': { status: 'in_progress', day: -3, note: ['Authentication and load balancing done; storage next.', 'Authentifizierung und Lastverteilung erledigt; als Nächstes Storage.'] },
  };
  for (const a of activities) {
    const step = a.templateKey ? progress[a.templateKey] : undefined;
    if (step) {
      updateActivity(ctx, {
        id: a.id,
        status: step.status,
        date: isoDay(today, step.day),
        ...(step.note ? { note: pick(lang, ...step.note) } : {}),
      });
    }
  }
  recordGate(ctx, {
    id: project.id,
    decision: 'go',
    date: isoDay(today, -10),
    decidedBy: 'Dr. Anja Petersen',
    rationale: pick(
      lang,
      'Proof of concept met all criteria; sizing fits the planned hardware budget.',
      'Proof of Concept hat alle Kriterien erfüllt; das Sizing passt zum geplanten Hardware-Budget.',
    ),
    conditions: pick(lang, 'Branding must be ready for the pilot users.', 'Das Branding muss für die Pilotnutzer fertig sein.'),
  });
  setPhase(ctx, { id: project.id, phase: 'concept' });

  // The load-balancing workshop of last week, as the detail-workshops note says.
  const session = createSession(ctx, { projectId: project.id, topicKey: 'load-balancing', date: isoDay(today, -3) });
  const answers: Record<string, AnswerValue> = {
    product: 'existing',
    productName: 'F5 BIG-IP 17',
    tlsTermination: 'load-balancer',
    stickiness: 'jsessionid',
    routes: [
      { node: 'ox-mw1.nordhafen.example', route: 'mw1' },
      { node: 'ox-mw2.nordhafen.example', route: 'mw2' },
    ],
    nodeHosts: ['ox-mw1.nordhafen.example', 'ox-mw2.nordhafen.example'],
    ntp: true,
  };
  for (const [field, value] of Object.entries(answers)) setAnswer(ctx, { sessionId: session.id, field, value });
  addDecision(ctx, {
    projectId: project.id,
    topicKey: 'load-balancing',
    sessionId: session.id,
    text: pick(lang, 'The existing F5 terminates TLS; sessions stick by JSESSIONID route.', 'Der vorhandene F5 terminiert TLS; Sitzungen bleiben per JSESSIONID-Route gebunden.'),
  });
  return getProject(ctx, { id: project.id });
}
