// The requirements checklist of a project: views (all, overdue, due this week, by owner side, by
// responsible person), search, a filter and sort on every column, bulk status change, progress
// per phase and category, a quick way to add an item, CSV export of what is shown and CSV import,
// and the chosen item's details beside the list.
import { useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '../../../../shared/checklist/types.ts';
import {
  CHECKLIST_VIEWS,
  groupItems,
  progressBy,
  queryItems,
  type ChecklistQuery,
  type ChecklistView as View,
  type Column,
} from '../../../../shared/checklist/view.ts';
import { CHECKLIST_GROUPINGS, type ChecklistGrouping } from '../../../../shared/documents/checklist-doc.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { api } from '../../api/client.ts';
import { download } from '../../components/download.ts';
import { errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { saveItem, useOpenChecklist } from '../../state/open-checklist.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { ProjectNav } from '../ProjectNav.tsx';
import { ChecklistTable, type TableRow } from './ChecklistTable.tsx';
import { CsvImportDialog } from './CsvImportDialog.tsx';
import { useItemText } from './item-text.ts';
import { RequirementPanel } from './RequirementPanel.tsx';

function ProgressTable({ caption, rows }: { caption: string; rows: { key: string; done: number; total: number }[] }) {
  const t = useT();
  return (
    <table className="progress-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key || t('requirements.none')}</th>
            <td>
              <progress max={r.total} value={r.done} aria-label={t('requirements.progressOf', { name: r.key || t('requirements.none') })} />
            </td>
            <td className="muted small">{t('requirements.doneOf', { done: r.done, total: r.total })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuickAdd({ projectId }: { projectId: string }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await trackSave(saveItem(api('requirements.create', { projectId, title })));
      setTitle('');
    });
  };
  return (
    <form className="add-item" onSubmit={add}>
      <TextField label={t('requirements.newItem')} value={title} onChange={setTitle} error={errorFor(t, error, 'title')} />
      <button type="submit" disabled={busy}>
        {t('requirements.add')}
      </button>
    </form>
  );
}

export function ChecklistView({ projectId, itemId }: { projectId: string; itemId: string | null }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail } = useOpenProject();
  const { items, open } = useOpenChecklist();
  const { show, value } = useItemText();
  const [query, setQuery] = useState<ChecklistQuery>({ view: 'all', filters: {}, search: '', sort: { column: 'number', descending: false } });
  // Typing in a filter stays responsive with many items: the list follows a moment later.
  const deferred = useDeferredValue(query);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<RequirementStatus>('done');
  const [importing, setImporting] = useState(false);
  const [groupBy, setGroupBy] = useState<ChecklistGrouping>('phase');
  const today = localIsoDate(new Date());

  useEffect(() => {
    void reportFailure(open(projectId));
  }, [projectId, open]);

  const shown = useMemo(() => (items ? queryItems(items, deferred, show, today) : []), [items, deferred, show, today]);
  const rows = useMemo<TableRow[]>(
    () =>
      groupItems(shown, deferred.view, show).flatMap((g) =>
        deferred.view === 'byOwnerSide' || deferred.view === 'byResponsible'
          ? [{ kind: 'group' as const, label: g.key, count: g.items.length }, ...g.items.map((item) => ({ kind: 'item' as const, item }))]
          : g.items.map((item) => ({ kind: 'item' as const, item })),
      ),
    [shown, deferred.view, show],
  );

  if (!detail || detail.project.id !== projectId || !items) return <p>{t('app.loading')}</p>;

  const setFilter = (column: Column, text: string) => setQuery((q) => ({ ...q, filters: { ...q.filters, [column]: text } }));
  const setSort = (column: Column) =>
    setQuery((q) => ({ ...q, sort: { column, descending: q.sort.column === column ? !q.sort.descending : false } }));
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const chosen = shown.filter((r) => selected.has(r.id));
  const applyBulk = () =>
    void reportFailure(
      trackSave(saveItem(api('requirements.setStatus', { ids: chosen.map((r) => r.id), status: bulkStatus }))).then(() => setSelected(new Set())),
    );
  const exportCsv = () =>
    void reportFailure(
      api('requirements.exportCsv', { projectId, ids: shown.map((r) => r.id), language, delimiter: language === 'de' ? ';' : ',' }).then((file) =>
        download(file.fileName, file.csv, 'text/csv;charset=utf-8'),
      ),
    );

  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <ProjectNav projectId={projectId} current="checklist" />
      <div className="screen-title">
        <h1 id="checklist-heading">{t('requirements.heading', { project: detail.project.name })}</h1>
        <span className="muted">{t('requirements.shownOf', { shown: shown.length, total: items.length })}</span>
      </div>

      <div className="checklist-progress">
        <ProgressTable caption={t('requirements.progressPhase')} rows={progressBy(items, (r) => value('phase', r.phase))} />
        <ProgressTable caption={t('requirements.progressCategory')} rows={progressBy(items, (r) => r.category)} />
      </div>

      <div className="toolbar">
        <div role="group" aria-label={t('requirements.views')} className="segmented">
          {CHECKLIST_VIEWS.map((view: View) => (
            <button key={view} type="button" aria-pressed={query.view === view} onClick={() => setQuery((q) => ({ ...q, view }))}>
              {t(`requirements.view.${view}`)}
            </button>
          ))}
        </div>
        <div role="search">
          <TextField label={t('requirements.search')} value={query.search} onChange={(search) => setQuery((q) => ({ ...q, search }))} />
        </div>
        <button type="button" onClick={exportCsv}>
          {t('requirements.export')}
        </button>
        <button type="button" onClick={() => setImporting(true)}>
          {t('requirements.import')}
        </button>
      </div>

      <QuickAdd projectId={projectId} />

      {chosen.length > 0 && (
        <div className="bulk-bar" role="region" aria-label={t('requirements.bulk')}>
          <span>{t('requirements.selected', { count: chosen.length })}</span>
          <SelectField
            label={t('requirements.bulkStatus')}
            value={bulkStatus}
            options={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: t(`requirementStatus.${s}`) }))}
            onChange={(v) => setBulkStatus(v as RequirementStatus)}
          />
          <button type="button" className="primary" onClick={applyBulk}>
            {t('requirements.apply')}
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            {t('requirements.clearSelection')}
          </button>
        </div>
      )}

      <div className={itemId ? 'checklist-body with-panel' : 'checklist-body'}>
        <ChecklistTable
          rows={rows}
          itemCount={shown.length}
          sort={query.sort}
          onSort={setSort}
          filters={query.filters}
          onFilter={setFilter}
          selected={selected}
          onSelect={select}
          today={today}
          openId={itemId}
        />
        {itemId && <RequirementPanel key={itemId} projectId={projectId} id={itemId} people={detail.members} onClose={() => (window.location.hash = `#/project/${projectId}/checklist`)} />}
      </div>
      <ExportPanel projectId={projectId} document="checklist" options={{ checklist: { ...query, groupBy } }}>
        <SelectField
          label={t('export.groupBy')}
          value={groupBy}
          options={CHECKLIST_GROUPINGS.map((g) => ({ value: g, label: t(`doc.checklist.by.${g}`) }))}
          onChange={(v) => setGroupBy(v as ChecklistGrouping)}
        />
      </ExportPanel>
      {importing && <CsvImportDialog projectId={projectId} onClose={() => setImporting(false)} />}
    </section>
  );
}
