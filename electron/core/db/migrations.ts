// Schema migrations: an ordered list; entry i brings a database from user_version i to i + 1.
// Each runs in its own transaction together with the user_version bump, so a failed migration
// leaves the file at the previous version. Never edit a released entry: append a new one.

export interface Migration {
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'Customers, projects, activities, people, memberships and the change log',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Reference columns default to the empty string so that a field change can upsert a row that
      -- exists; a new row without its parent then fails the deferred foreign key at commit.

      -- Every field-level change, in local order. The stamp is unique across devices and is the
      -- change's id; seq is never reused (AUTOINCREMENT) so a sync can resume after it.
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        stamp TEXT NOT NULL UNIQUE,
        device_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        schema_version INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE customer (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        logo TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE project (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL DEFAULT '' REFERENCES customer(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL DEFAULT '',
        product TEXT NOT NULL DEFAULT '',
        product_version TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        start_date TEXT,
        target_date TEXT,
        mailboxes INTEGER,
        concurrent_sessions INTEGER,
        status TEXT NOT NULL DEFAULT 'active',
        phase TEXT NOT NULL DEFAULT 'initialization',
        process_template TEXT NOT NULL DEFAULT '',
        gate_decision TEXT NOT NULL DEFAULT 'pending',
        gate_date TEXT,
        gate_decided_by TEXT NOT NULL DEFAULT '',
        gate_rationale TEXT NOT NULL DEFAULT '',
        gate_conditions TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX project_customer ON project(customer_id);

      CREATE TABLE activity (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        phase TEXT NOT NULL DEFAULT 'initialization',
        template_key TEXT,
        parent_key TEXT,
        title TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open',
        date TEXT,
        note TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- Covers the per-project progress counts of the project list.
      CREATE INDEX activity_project ON activity(project_id, deleted, status);

      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        side TEXT NOT NULL DEFAULT 'customer',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE membership (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        person_id TEXT NOT NULL DEFAULT '' REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED,
        role TEXT NOT NULL DEFAULT '',
        responsibilities TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX membership_project ON membership(project_id);
      CREATE INDEX membership_person ON membership(person_id);
    `,
  },
  {
    description: 'Workshops: template packs, sessions with answers, open questions, decisions, hardware sizing',
    sql: `
      -- The pack a project's workshops use (the latest version of it that this installation has).
      ALTER TABLE project ADD COLUMN pack_id TEXT NOT NULL DEFAULT 'ox-app-suite';

      -- Packs a consultancy imported; the default pack ships with the app and is not stored.
      CREATE TABLE template_pack (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        content TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX template_pack_version ON template_pack(pack_id, version);

      -- One workshop on one topic; a follow-up workshop is a new session of the same topic.
      CREATE TABLE workshop_session (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        topic_key TEXT NOT NULL DEFAULT '',
        pack_id TEXT NOT NULL DEFAULT '',
        pack_version INTEGER NOT NULL DEFAULT 0,
        date TEXT,
        attendees TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX workshop_session_project ON workshop_session(project_id, topic_key);

      -- One answer to one field in one session; its id is the session id and the field key, so two
      -- laptops answering the same field write the same row and sync merges them field by field.
      CREATE TABLE answer (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL DEFAULT '' REFERENCES workshop_session(id) DEFERRABLE INITIALLY DEFERRED,
        field_key TEXT NOT NULL DEFAULT '',
        value TEXT NOT NULL DEFAULT 'null',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX answer_session ON answer(session_id);

      CREATE TABLE open_question (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT,
        topic_key TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        owner_id TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        answer TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX open_question_project ON open_question(project_id);

      CREATE TABLE decision (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT,
        topic_key TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX decision_project ON decision(project_id);

      -- The hardware sizing of a project (its id is the project's): inputs, assumptions and the
      -- result as computed when saved, for documents.
      CREATE TABLE sizing (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        input TEXT NOT NULL DEFAULT '{}',
        result TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `,
  },
  {
    description: 'Meetings with agenda, decisions and action items; the requirements checklist; devices',
    sql: `
      -- Who made changes: each device introduces itself once (user and machine name), so that an
      -- item's history can say "by whom on which machine" from the change log's device id.
      CREATE TABLE device (
        id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL DEFAULT '',
        host_name TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE meeting (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT NOT NULL DEFAULT 'other',
        title TEXT NOT NULL DEFAULT '',
        starts_at TEXT,
        duration_minutes INTEGER,
        place TEXT NOT NULL DEFAULT '',
        chair_id TEXT,
        minute_taker_id TEXT,
        previous_minutes TEXT NOT NULL DEFAULT 'none',
        previous_minutes_note TEXT NOT NULL DEFAULT '',
        topic_keys TEXT NOT NULL DEFAULT '[]',
        next_meeting_at TEXT,
        next_meeting_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX meeting_project ON meeting(project_id);

      -- One row per meeting and person (its id is both ids): two laptops marking the same person
      -- write the same row.
      CREATE TABLE meeting_attendee (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        person_id TEXT NOT NULL DEFAULT '',
        presence TEXT NOT NULL DEFAULT 'present',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX meeting_attendee_meeting ON meeting_attendee(meeting_id);

      CREATE TABLE agenda_item (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id);

      CREATE TABLE agenda_decision (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        agenda_item_id TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX agenda_decision_meeting ON agenda_decision(meeting_id);

      -- The requirements checklist. Action items of meetings are rows here too, pointing back
      -- to their meeting and agenda item.
      CREATE TABLE requirement (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        number INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        topic_key TEXT,
        phase TEXT,
        owner_side TEXT,
        responsible_id TEXT,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        priority TEXT NOT NULL DEFAULT 'normal',
        source TEXT NOT NULL DEFAULT 'manual',
        meeting_id TEXT,
        agenda_item_id TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX requirement_project ON requirement(project_id, number);
      CREATE INDEX requirement_meeting ON requirement(meeting_id);

      CREATE TABLE requirement_comment (
        id TEXT PRIMARY KEY,
        requirement_id TEXT NOT NULL DEFAULT '' REFERENCES requirement(id) DEFERRABLE INITIALLY DEFERRED,
        text TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX requirement_comment_item ON requirement_comment(requirement_id);

      -- What a status call did with a checklist item (its id is both ids): reviewed, changed with
      -- which old and new values, or added. The call's minutes are read from here.
      CREATE TABLE meeting_review (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        requirement_id TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT 'reviewed',
        changes TEXT NOT NULL DEFAULT '[]',
        reviewed_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX meeting_review_meeting ON meeting_review(meeting_id);
    `,
  },
  {
    description: 'Documents: the branding profile and the history of exported documents',
    sql: `
      -- The consultancy's branding for every document (one row, id 'branding').
      CREATE TABLE branding (
        id TEXT PRIMARY KEY,
        consultancy_name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        logo TEXT,
        accent TEXT NOT NULL DEFAULT '#0b5cad',
        footer_text TEXT NOT NULL DEFAULT '',
        confidentiality TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Every export: which document (of which meeting), its version, format, language and the
      -- hash of the file made.
      CREATE TABLE document_export (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        document TEXT NOT NULL DEFAULT '',
        subject_id TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        formats TEXT NOT NULL DEFAULT '[]',
        language TEXT NOT NULL DEFAULT 'en',
        hashes TEXT NOT NULL DEFAULT '{}',
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX document_export_project ON document_export(project_id, document, subject_id);
    `,
  },
  {
    description: 'Trust: decisions that change an answer, the consultant profile, change notes of exports, the status report summary',
    sql: `
      -- The answer (field of the decision's topic) a decision changes, where it changes one.
      ALTER TABLE decision ADD COLUMN field_key TEXT;

      -- The consultant who uses this installation, asked once: author of documents and comments.
      ALTER TABLE device ADD COLUMN person_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE device ADD COLUMN email TEXT NOT NULL DEFAULT '';
      ALTER TABLE device ADD COLUMN role TEXT NOT NULL DEFAULT '';

      -- What changed since the previous version, as the consultant put it when exporting.
      ALTER TABLE document_export ADD COLUMN change_note TEXT NOT NULL DEFAULT '';

      -- The consultant's part of the weekly status report: summary, risks and the traffic light
      -- set by hand with its reason ('' while the computed light stands).
      ALTER TABLE project ADD COLUMN status_summary TEXT NOT NULL DEFAULT '';
      ALTER TABLE project ADD COLUMN status_risks TEXT NOT NULL DEFAULT '';
      ALTER TABLE project ADD COLUMN status_light TEXT NOT NULL DEFAULT '';
      ALTER TABLE project ADD COLUMN status_light_reason TEXT NOT NULL DEFAULT '';

      -- The history of one row (a checklist item's, say): its changes found by this index instead
      -- of a scan of the whole change log. Without the stamp, the key stays short for every write;
      -- sorting one row's changes by stamp costs next to nothing.
      CREATE INDEX change_log_row ON change_log(entity, row_id);
    `,
  },
  {
    description: 'Sync through a shared folder: change files applied, changes kept back',
    sql: `
      -- Every change file of the share applied here (own ones when written), by the hash its name
      -- carries (a sync client's conflicted copy of a file has the same).
      CREATE TABLE sync_file (
        hash TEXT PRIMARY KEY,
        device TEXT NOT NULL,
        first_stamp TEXT NOT NULL,
        last_stamp TEXT NOT NULL,
        count INTEGER NOT NULL,
        -- Per other device, the latest of its changes the writer had when it made these.
        knows TEXT NOT NULL DEFAULT '{}',
        applied_at TEXT NOT NULL
      ) STRICT;

      -- Others' changes kept back: for an entity or field this version does not know (applied after
      -- an upgrade), or stamped more than a day ahead of this clock (applied once it is not).
      CREATE TABLE sync_parked (
        stamp TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('schema', 'clock'))
      ) STRICT;

      -- Changes that lost to a change made without knowing them (two people changed the same field
      -- while apart): each one's stamp with the field's winning change. Worked out from the change
      -- log alone, so every device that has the same changes lists the same conflicts.
      CREATE TABLE sync_conflict (
        stamp TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        winner TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_conflict_field ON sync_conflict(entity, row_id, field);

      -- The shared folder this installation syncs with (its own path to it; '' while none).
      ALTER TABLE device ADD COLUMN share_path TEXT NOT NULL DEFAULT '';

      -- A person's answer to a conflict (id: the losing change's stamp): which value was kept. An
      -- entity like any other, so the answer travels and the conflict leaves every list.
      CREATE TABLE conflict_resolution (
        id TEXT PRIMARY KEY,
        kept TEXT NOT NULL DEFAULT 'current',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Which change of a field is the latest: the merge asks it for every change it receives.
      CREATE INDEX change_log_field ON change_log(entity, row_id, field, stamp);
      DROP INDEX change_log_row;
    `,
  },
  {
    description: 'Per-project numbers made unique after a sync: the numbers an item had before',
    sql: `
      -- A checklist item renumbered by sync (another item had its number first) keeps the numbers
      -- it had, as a JSON array, oldest first: "was R-042" still finds it.
      ALTER TABLE requirement ADD COLUMN former_numbers TEXT NOT NULL DEFAULT '[]';
      -- The few items renumbered, so that the next free number need not read every item's.
      CREATE INDEX requirement_renumbered ON requirement(project_id) WHERE former_numbers <> '[]';
    `,
  },
  {
    description: 'Exported documents published into the shared folder',
    sql: `
      -- The latest change-log stamp the database held when the document was made: which data it
      -- shows, for the manifest published with it ('' for exports made before this was kept).
      ALTER TABLE document_export ADD COLUMN made_from TEXT NOT NULL DEFAULT '';
      -- Where the export was published in the shared folder, relative to the share's root (JSON:
      -- folder, file names by format, manifest); NULL while it is not.
      ALTER TABLE document_export ADD COLUMN published TEXT;
    `,
  },
  {
    description: 'Change files numbered per device, so that a device sees a file it lacks',
    sql: `
      -- The file's place among its writer's change files (1, 2, 3…): what a device knows of another
      -- is the last file of an unbroken run, not the latest that happened to arrive. 0: a file
      -- recorded before files were numbered.
      ALTER TABLE sync_file ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    description: 'Statements of work in versions, with deliverables, milestones, roles, effort lines and payment schedule',
    sql: `
      -- Amounts in minor units of the currency (cents), days in hundredths, shares in basis points:
      -- integers, so that totals are exact. Versions of one SOW share series_id (the first
      -- version's id); only the first carries the number per project (SOW-01), later ones 0.
      CREATE TABLE sow (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        number INTEGER NOT NULL DEFAULT 0,
        series_id TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        copied_from TEXT,
        title TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        framework_agreement TEXT NOT NULL DEFAULT '',
        date TEXT,
        currency TEXT NOT NULL DEFAULT 'EUR',
        background TEXT NOT NULL DEFAULT '',
        objectives TEXT NOT NULL DEFAULT '',
        scope_in TEXT NOT NULL DEFAULT '',
        scope_out TEXT NOT NULL DEFAULT '',
        acceptance_procedure TEXT NOT NULL DEFAULT '',
        assumptions TEXT NOT NULL DEFAULT '',
        dependencies TEXT NOT NULL DEFAULT '',
        change_control TEXT NOT NULL DEFAULT '',
        valid_until TEXT,
        discount_basis_points INTEGER NOT NULL DEFAULT 0,
        expenses_mode TEXT NOT NULL DEFAULT 'none',
        expenses_minor INTEGER NOT NULL DEFAULT 0,
        expenses_trips INTEGER NOT NULL DEFAULT 0,
        payment_mode TEXT NOT NULL DEFAULT 'milestone',
        -- Both parties (name and address) as they stood when the version was sent.
        customer_party TEXT NOT NULL DEFAULT '',
        consultancy_party TEXT NOT NULL DEFAULT '',
        sent_on TEXT,
        sent_by TEXT NOT NULL DEFAULT '',
        customer_signed_by TEXT NOT NULL DEFAULT '',
        customer_signed_on TEXT,
        consultancy_signed_by TEXT NOT NULL DEFAULT '',
        consultancy_signed_on TEXT,
        rejected_on TEXT,
        rejected_by TEXT NOT NULL DEFAULT '',
        rejection_reason TEXT NOT NULL DEFAULT '',
        superseded_on TEXT,
        superseded_by_id TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        former_numbers TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX sow_project ON sow(project_id, series_id);

      -- The children: origin_id is the item of the first version this one was copied from through
      -- the versions (its own id when new), so that versions can be compared item by item.
      CREATE TABLE sow_deliverable (
        id TEXT PRIMARY KEY,
        sow_id TEXT NOT NULL DEFAULT '' REFERENCES sow(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        origin_id TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        acceptance_criteria TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sow_deliverable_sow ON sow_deliverable(sow_id);

      CREATE TABLE sow_milestone (
        id TEXT PRIMARY KEY,
        sow_id TEXT NOT NULL DEFAULT '' REFERENCES sow(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        origin_id TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sow_milestone_sow ON sow_milestone(sow_id);

      CREATE TABLE sow_role (
        id TEXT PRIMARY KEY,
        sow_id TEXT NOT NULL DEFAULT '' REFERENCES sow(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        origin_id TEXT NOT NULL DEFAULT '',
        side TEXT NOT NULL DEFAULT 'consultancy',
        role TEXT NOT NULL DEFAULT '',
        responsibilities TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sow_role_sow ON sow_role(sow_id);

      CREATE TABLE sow_effort_line (
        id TEXT PRIMARY KEY,
        sow_id TEXT NOT NULL DEFAULT '' REFERENCES sow(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        origin_id TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        day_hundredths INTEGER NOT NULL DEFAULT 0,
        rate_minor INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sow_effort_line_sow ON sow_effort_line(sow_id);

      CREATE TABLE sow_payment (
        id TEXT PRIMARY KEY,
        sow_id TEXT NOT NULL DEFAULT '' REFERENCES sow(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        origin_id TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        percent_basis_points INTEGER NOT NULL DEFAULT 0,
        milestone_id TEXT,
        due_date TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sow_payment_sow ON sow_payment(sow_id);
    `,
  },
  {
    description: 'Change requests to SOWs, time entries, running timers and the hours of a project day',
    sql: `
      -- Numbered per project (CR-001). The SOW is its series id, the same for every version; the
      -- effort impact a JSON array of {role, lineId, dayHundredths, rateMinor}.
      CREATE TABLE change_request (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        number INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        requested_by_id TEXT,
        sow_id TEXT NOT NULL DEFAULT '',
        effort TEXT NOT NULL DEFAULT '[]',
        dates_impact TEXT NOT NULL DEFAULT '',
        scope_impact TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'proposed',
        decided_by TEXT NOT NULL DEFAULT '',
        decided_on TEXT,
        requirement_id TEXT,
        decision_id TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        former_numbers TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX change_request_project ON change_request(project_id, number);
      CREATE INDEX change_request_renumbered ON change_request(project_id) WHERE former_numbers <> '[]';
      CREATE INDEX change_request_sow ON change_request(sow_id);

      -- Quarter hours on an SOW's effort line (series id, line origin id) or on an activity.
      CREATE TABLE time_entry (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        date TEXT NOT NULL DEFAULT '',
        person_id TEXT NOT NULL DEFAULT '',
        sow_id TEXT,
        line_id TEXT,
        activity_id TEXT,
        quarter_hours INTEGER NOT NULL DEFAULT 0,
        billable INTEGER NOT NULL DEFAULT 1,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- The budget's sums per SOW and line, and per SOW and day, each read from an index alone
      -- (it covers them) in the order they are grouped by: no sorting of 50,000 rows.
      CREATE INDEX time_entry_by_line ON time_entry(project_id, deleted, sow_id, line_id, quarter_hours);
      CREATE INDEX time_entry_by_day ON time_entry(project_id, deleted, sow_id, date, quarter_hours);
      -- A person's day, for the 24-hour rule; and the list by date.
      CREATE INDEX time_entry_person_day ON time_entry(person_id, date);
      CREATE INDEX time_entry_project_date ON time_entry(project_id, date);

      CREATE TABLE time_timer (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        person_id TEXT NOT NULL DEFAULT '',
        sow_id TEXT,
        line_id TEXT,
        activity_id TEXT,
        billable INTEGER NOT NULL DEFAULT 1,
        note TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX time_timer_project ON time_timer(project_id);

      -- One row per project that changed the hours of its working day (id: the project's id).
      CREATE TABLE budget_setting (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        quarters_per_day INTEGER NOT NULL DEFAULT 32,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `,
  },
  {
    description: 'Results imported from tools into test runs: JMeter statistics per label, JUnit cases',
    sql: `
      -- One imported file. The run is the test run's id (the other tables of the protocol hold it).
      CREATE TABLE test_result_import (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        run_id TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'jmeter',
        file_name TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL DEFAULT '',
        imported_by TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT '',
        columns TEXT NOT NULL DEFAULT '[]',
        started_at INTEGER,
        bucket_ms INTEGER NOT NULL DEFAULT 0,
        total TEXT,
        series TEXT NOT NULL DEFAULT '[]',
        malformed INTEGER NOT NULL DEFAULT 0,
        problems TEXT NOT NULL DEFAULT '[]',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_result_import_run ON test_result_import(run_id);

      -- JMeter's figures per sampler label: statistics and time series as JSON (fractions).
      CREATE TABLE test_result_label (
        id TEXT PRIMARY KEY,
        import_id TEXT NOT NULL DEFAULT '' REFERENCES test_result_import(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        label TEXT NOT NULL DEFAULT '',
        is_transaction INTEGER NOT NULL DEFAULT 0,
        stats TEXT NOT NULL DEFAULT '{}',
        series TEXT NOT NULL DEFAULT '[]',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_result_label_import ON test_result_label(import_id, position);

      CREATE TABLE test_result_case (
        id TEXT PRIMARY KEY,
        import_id TEXT NOT NULL DEFAULT '' REFERENCES test_result_import(id) DEFERRABLE INITIALLY DEFERRED,
        position INTEGER NOT NULL DEFAULT 0,
        suite TEXT NOT NULL DEFAULT '',
        class_name TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'passed',
        message TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        duration_ms INTEGER,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_result_case_import ON test_result_case(import_id, position);
    `,
  },
  {
    description: 'Test protocols: test plans (T-001 per project), runs, a result per case and run, evidence',
    sql: `
      CREATE TABLE test_case (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        number INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        template_key TEXT,
        title TEXT NOT NULL DEFAULT '',
        preconditions TEXT NOT NULL DEFAULT '',
        steps TEXT NOT NULL DEFAULT '[]',
        priority TEXT NOT NULL DEFAULT 'normal',
        topic_keys TEXT NOT NULL DEFAULT '[]',
        requirement_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        former_numbers TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX test_case_project ON test_case(project_id, number);
      CREATE INDEX test_case_renumbered ON test_case(project_id) WHERE former_numbers <> '[]';

      -- sign_off: both sides' signatories as JSON; null while the run is open.
      CREATE TABLE test_run (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL DEFAULT '',
        build TEXT NOT NULL DEFAULT '',
        environment TEXT NOT NULL DEFAULT 'test',
        start_date TEXT,
        end_date TEXT,
        tester TEXT NOT NULL DEFAULT '',
        previous_run_id TEXT,
        verdict TEXT,
        verdict_note TEXT NOT NULL DEFAULT '',
        verdict_by TEXT NOT NULL DEFAULT '',
        verdict_on TEXT,
        sign_off TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_run_project ON test_run(project_id);

      -- id is run id/case id: one row per case and run on every device.
      CREATE TABLE test_result (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL DEFAULT '' REFERENCES test_run(id) DEFERRABLE INITIALLY DEFERRED,
        case_id TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        case_number INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        preconditions TEXT NOT NULL DEFAULT '',
        steps TEXT NOT NULL DEFAULT '[]',
        priority TEXT NOT NULL DEFAULT 'normal',
        status TEXT NOT NULL DEFAULT 'untested',
        actual TEXT NOT NULL DEFAULT '[]',
        comment TEXT NOT NULL DEFAULT '',
        elapsed_seconds INTEGER,
        defect_ref TEXT NOT NULL DEFAULT '',
        requirement_id TEXT,
        tested_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_result_run ON test_result(run_id, position);
      CREATE INDEX test_result_requirement ON test_result(requirement_id) WHERE requirement_id IS NOT NULL;

      CREATE TABLE test_evidence (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL DEFAULT '' REFERENCES test_run(id) DEFERRABLE INITIALLY DEFERRED,
        result_id TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        media_type TEXT NOT NULL DEFAULT '',
        bytes INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX test_evidence_result ON test_evidence(result_id);
    `,
  },
  {
    description: 'Closing a project (read-only until reopened) and the handover to support',
    sql: `
      ALTER TABLE project ADD COLUMN closed_on TEXT;
      ALTER TABLE project ADD COLUMN closed_by TEXT NOT NULL DEFAULT '';

      -- One per project, its id the project's: two devices filling it in apart edit one row.
      CREATE TABLE handover (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        known_limitations TEXT NOT NULL DEFAULT '',
        ticket_test_by TEXT NOT NULL DEFAULT '',
        ticket_test_on TEXT,
        ticket_number TEXT NOT NULL DEFAULT '',
        ticket_result TEXT NOT NULL DEFAULT '',
        ticket_notes TEXT NOT NULL DEFAULT '',
        acceptance_statement TEXT NOT NULL DEFAULT '',
        accepted_on TEXT,
        accepted_by TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Who is in charge after the handover, level by level, on every side.
      CREATE TABLE handover_contact (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        person_id TEXT NOT NULL DEFAULT '',
        level INTEGER NOT NULL DEFAULT 1,
        responsibility TEXT NOT NULL DEFAULT '',
        reach TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX handover_contact_project ON handover_contact(project_id);
    `,
  },
  {
    description: 'Test accounts and credentials, their secrets encrypted; reveals and copies recorded; exports that include credentials',
    sql: `
      -- secret: the ciphertext only (v1.<keyId>.<iv>.<ciphertext>.<tag>), '' for none.
      CREATE TABLE credential (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        service TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '',
        user_name TEXT NOT NULL DEFAULT '',
        secret TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX credential_project ON credential(project_id);

      CREATE TABLE credential_access (
        id TEXT PRIMARY KEY,
        credential_id TEXT NOT NULL DEFAULT '' REFERENCES credential(id) DEFERRABLE INITIALLY DEFERRED,
        action TEXT NOT NULL DEFAULT 'revealed',
        at TEXT NOT NULL DEFAULT '',
        by TEXT NOT NULL DEFAULT '',
        device_id TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX credential_access_credential ON credential_access(credential_id);

      ALTER TABLE document_export ADD COLUMN includes_credentials INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    description: 'Training sessions (audience, trainer, topics, materials, feedback per attendee); lessons learned and the retrospective',
    sql: `
      ALTER TABLE meeting ADD COLUMN training_audience TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE meeting ADD COLUMN training_audience_other TEXT NOT NULL DEFAULT '';
      ALTER TABLE meeting ADD COLUMN trainer_id TEXT;
      ALTER TABLE meeting ADD COLUMN training_topic_keys TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE meeting ADD COLUMN training_custom_topics TEXT NOT NULL DEFAULT '[]';

      -- data: a file's bytes, base64; '' for a link.
      CREATE TABLE training_material (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        media_type TEXT NOT NULL DEFAULT '',
        bytes INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX training_material_meeting ON training_material(meeting_id);

      -- id is meeting id/person id: one row per attendee on every device.
      CREATE TABLE training_feedback (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL DEFAULT '' REFERENCES meeting(id) DEFERRABLE INITIALLY DEFERRED,
        person_id TEXT NOT NULL DEFAULT '',
        score INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX training_feedback_meeting ON training_feedback(meeting_id);

      -- One per project, its id the project's.
      CREATE TABLE lessons (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        feedback_meeting_id TEXT,
        feedback_by TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- id is project id/question key: one answer per question on every device.
      CREATE TABLE lesson_feedback (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        question_key TEXT NOT NULL DEFAULT '',
        score INTEGER,
        comment TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX lesson_feedback_project ON lesson_feedback(project_id);

      CREATE TABLE lesson_note (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT NOT NULL DEFAULT 'personal',
        text TEXT NOT NULL DEFAULT '',
        author_id TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX lesson_note_project ON lesson_note(project_id);

      CREATE TABLE retro_action (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        text TEXT NOT NULL DEFAULT '',
        owner_id TEXT,
        due_date TEXT,
        follow_up_project_id TEXT,
        requirement_id TEXT,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX retro_action_project ON retro_action(project_id);
      CREATE INDEX retro_action_requirement ON retro_action(requirement_id) WHERE requirement_id IS NOT NULL;
    `,
  },
  {
    description: 'Installed systems: environments, hosts, their software and network endpoints',
    sql: `
      CREATE TABLE system_environment (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT NOT NULL DEFAULT 'test',
        name TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX system_environment_project ON system_environment(project_id);

      -- operator: '' while nobody said; source: the workshop topic (or 'sizing') a prefilled host came from;
      -- position: the order hosts were added in (a list imported in one go keeps its order).
      CREATE TABLE system_host (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        environment_id TEXT NOT NULL DEFAULT '' REFERENCES system_environment(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL DEFAULT '',
        addresses TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'other',
        operating_system TEXT NOT NULL DEFAULT '',
        cpu_cores INTEGER,
        ram_gb INTEGER,
        disk_gb INTEGER,
        operator TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX system_host_project ON system_host(project_id);

      CREATE TABLE system_component (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        host_id TEXT NOT NULL DEFAULT '' REFERENCES system_host(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL DEFAULT '',
        version TEXT NOT NULL DEFAULT '',
        config_location TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX system_component_project ON system_component(project_id);

      CREATE TABLE system_endpoint (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL DEFAULT '' REFERENCES project(id) DEFERRABLE INITIALLY DEFERRED,
        host_id TEXT NOT NULL DEFAULT '' REFERENCES system_host(id) DEFERRABLE INITIALLY DEFERRED,
        protocol TEXT NOT NULL DEFAULT '',
        port INTEGER NOT NULL DEFAULT 443,
        purpose TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX system_endpoint_project ON system_endpoint(project_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
