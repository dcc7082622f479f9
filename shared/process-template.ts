// The default process template: the professional-services process (ProfServProjects) as data.
// Projects copy its activities when they are created, so a later template version never rewrites
// a running project's checklist. Labels live with the data so that another consultancy's template
// can bring its own.
import type { Phase } from './domain.ts';

export interface LocalizedText {
  en: string;
  de: string;
}

export interface TemplateActivity {
  key: string;
  title: LocalizedText;
  hint?: LocalizedText;
  children?: TemplateActivity[];
}

export interface ProcessTemplate {
  id: string;
  version: number;
  name: LocalizedText;
  phases: { phase: Phase; activities: TemplateActivity[] }[];
}

const t = (en: string, de: string): LocalizedText => ({ en, de });

export const DEFAULT_PROCESS_TEMPLATE: ProcessTemplate = {
  id: 'ox-profserv',
  version: 1,
  name: t('Open-Xchange professional services', 'Open-Xchange Professional Services'),
  phases: [
    {
      phase: 'initialization',
      activities: [
        {
          key: 'technical-demo',
          title: t('Technical demo (webcast or on-site)', 'Technische Demo (Webcast oder vor Ort)'),
          hint: t(
            "Present the features relevant to the customer and determine the customer's goals.",
            'Für den Kunden relevante Funktionen vorstellen und die Ziele des Kunden klären.',
          ),
        },
        {
          key: 'architecture-overview',
          title: t('Architecture overview', 'Architekturüberblick'),
          hint: t(
            'Integration with customer systems, APIs, scaling, white-labelling.',
            'Integration in Kundensysteme, APIs, Skalierung, White-Labelling.',
          ),
        },
        {
          key: 'proof-of-concept',
          title: t('Proof of concept', 'Proof of Concept'),
          hint: t(
            'Server with SSH access and a few accounts on the existing mail system; feedback after two weeks.',
            'Server mit SSH-Zugang und einige Konten auf dem bestehenden Mailsystem; Feedback nach zwei Wochen.',
          ),
        },
        {
          key: 'technology-transfer',
          title: t('Technology transfer and sizing', 'Technologietransfer und Sizing'),
          hint: t(
            'Customer environment, hardware sizing (concurrent sessions), provisioning.',
            'Kundenumgebung, Hardware-Sizing (gleichzeitige Sitzungen), Provisionierung.',
          ),
        },
      ],
    },
    {
      phase: 'concept',
      activities: [
        {
          key: 'detail-workshops',
          title: t('Detail workshops', 'Detail-Workshops'),
          hint: t(
            'Architecture, authentication, provisioning, load balancing, storage, monitoring, scaling, MySQL, branding, IMAP, migration.',
            'Architektur, Authentifizierung, Provisionierung, Lastverteilung, Speicher, Monitoring, Skalierung, MySQL, Branding, IMAP, Migration.',
          ),
        },
        { key: 'test-system', title: t('Installation of the test system', 'Installation des Testsystems') },
        {
          key: 'implementation-concept',
          title: t('Customer implementation concept', 'Kunden-Implementierungskonzept'),
        },
        { key: 'statements-of-work', title: t('Statements of work', 'Leistungsbeschreibungen (SOW)') },
      ],
    },
    {
      phase: 'implementation',
      activities: [
        { key: 'weekly-status-calls', title: t('Weekly status calls', 'Wöchentliche Statustermine') },
        {
          key: 'system-documentation',
          title: t('Documentation of all installed systems and components', 'Dokumentation aller installierten Systeme und Komponenten'),
        },
        {
          key: 'training',
          title: t('Training workshops for admins and first-level support', 'Schulungen für Administratoren und First-Level-Support'),
        },
        { key: 'time-tracking', title: t('Internal time tracking', 'Interne Zeiterfassung') },
        { key: 'change-management', title: t('Internal change management', 'Internes Change-Management') },
        {
          key: 'internal-approval',
          title: t('Internal approval (review of the complete system)', 'Interne Abnahme (Review des Gesamtsystems)'),
          children: [
            { key: 'approval-load-balancing', title: t('Load balancing', 'Lastverteilung') },
            { key: 'approval-mysql-cluster', title: t('MySQL cluster', 'MySQL-Cluster') },
            { key: 'approval-automated-tests', title: t('Automated tests', 'Automatisierte Tests') },
            { key: 'approval-jmeter-tests', title: t('JMeter tests', 'JMeter-Tests') },
          ],
        },
      ],
    },
    {
      phase: 'approval',
      activities: [
        {
          key: 'support-handover',
          title: t('Handover to support', 'Übergabe an den Support'),
          children: [
            {
              key: 'handover-documentation',
              title: t(
                'Technical documentation with test accounts, credentials and people in charge',
                'Technische Dokumentation mit Testkonten, Zugangsdaten und Verantwortlichen',
              ),
            },
            { key: 'handover-ticket-process', title: t('Test the support ticket process', 'Support-Ticketprozess testen') },
          ],
        },
        {
          key: 'lessons-learned',
          title: t('Lessons learned', 'Lessons Learned'),
          children: [
            { key: 'lessons-customer-feedback', title: t('Customer feedback', 'Kundenfeedback') },
            { key: 'lessons-personal', title: t('Personal lessons', 'Persönliche Erkenntnisse') },
          ],
        },
        { key: 'retrospective', title: t('Internal project retrospective', 'Interne Projekt-Retrospektive') },
      ],
    },
  ],
};

export interface FlatTemplateActivity {
  phase: Phase;
  key: string;
  parentKey: string | null;
  position: number;
}

/** The template's activities in checklist order, children right after their parent. */
export function flattenTemplate(template: ProcessTemplate): FlatTemplateActivity[] {
  const out: FlatTemplateActivity[] = [];
  for (const { phase, activities } of template.phases) {
    const visit = (a: TemplateActivity, parentKey: string | null): void => {
      out.push({ phase, key: a.key, parentKey, position: out.length });
      for (const child of a.children ?? []) visit(child, a.key);
    };
    for (const a of activities) visit(a, null);
  }
  return out;
}

export function findTemplateActivity(template: ProcessTemplate, key: string): TemplateActivity | undefined {
  const search = (list: TemplateActivity[]): TemplateActivity | undefined => {
    for (const a of list) {
      if (a.key === key) return a;
      const found = search(a.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  for (const p of template.phases) {
    const found = search(p.activities);
    if (found) return found;
  }
  return undefined;
}

export function templateRef(template: ProcessTemplate): string {
  return `${template.id}@${template.version}`;
}
