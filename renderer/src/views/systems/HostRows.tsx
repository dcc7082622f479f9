// An environment's hosts, edited in place and saved as typed: one table row per host, and under the
// table each host's software with versions and where its configuration lives, its endpoints and
// ports, and its configuration notes.
import { useState } from 'react';
import type { MethodInput } from '../../../../shared/api.ts';
import { HOST_ROLES, OPERATORS, SIZING_SOURCE, type EnvironmentDetail, type HostDetail } from '../../../../shared/systems/types.ts';
import { api } from '../../api/client.ts';
import { AutoSelect, AutoText, SelectField, TextField, toCount } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { reportFailure } from '../../state/ui.ts';

type HostPatch = Omit<MethodInput<'systems.updateHost'>, 'id'>;

interface Props {
  environment: EnvironmentDetail;
  /** Workshop topics' titles by key, to say where a prefilled host came from. */
  topicTitle: (key: string) => string;
  reload: () => Promise<void>;
}

function HostParts({ host, reload }: { host: HostDetail; reload: () => Promise<void> }) {
  const t = useT();
  const write = async (call: Promise<unknown>) => {
    await call;
    await reload();
  };
  const of = (field: string) => t('systems.fieldOf', { field, host: host.name });
  return (
    <details className="host-parts">
      <summary>{t('systems.details', { name: host.name })}</summary>
      <h4>{t('systems.components')}</h4>
      {host.components.map((c) => (
        <div key={c.id} className="form-grid">
          <AutoText label={of(t('systems.componentName'))} saved={c.name} save={(name) => write(api('systems.updatePart', { part: 'component', id: c.id, name }))} />
          <AutoText label={of(t('systems.version'))} saved={c.version} save={(version) => write(api('systems.updatePart', { part: 'component', id: c.id, version }))} />
          <AutoText label={of(t('systems.configLocation'))} saved={c.configLocation} save={(configLocation) => write(api('systems.updatePart', { part: 'component', id: c.id, configLocation }))} />
          <p>
            <button type="button" className="link-button" onClick={() => void reportFailure(write(api('systems.removePart', { part: 'component', id: c.id })))}>
              {t('systems.removeComponent', { name: c.name || '–' })}
            </button>
          </p>
        </div>
      ))}
      <button type="button" onClick={() => void reportFailure(write(api('systems.addPart', { part: 'component', hostId: host.id })))}>
        {t('systems.addComponent')}
      </button>
      <h4>{t('systems.endpoints')}</h4>
      {host.endpoints.map((e) => (
        <div key={e.id} className="form-grid">
          <AutoText label={of(t('systems.protocol'))} saved={e.protocol} save={(protocol) => write(api('systems.updatePart', { part: 'endpoint', id: e.id, protocol }))} />
          <AutoText label={of(t('systems.port'))} type="number" saved={String(e.port)} save={(port) => write(api('systems.updatePart', { part: 'endpoint', id: e.id, port: Number(port) }))} />
          <AutoText label={of(t('systems.purpose'))} saved={e.purpose} save={(purpose) => write(api('systems.updatePart', { part: 'endpoint', id: e.id, purpose }))} />
          <p>
            <button type="button" className="link-button" onClick={() => void reportFailure(write(api('systems.removePart', { part: 'endpoint', id: e.id })))}>
              {t('systems.removeEndpoint', { port: e.port })}
            </button>
          </p>
        </div>
      ))}
      <button type="button" onClick={() => void reportFailure(write(api('systems.addPart', { part: 'endpoint', hostId: host.id, protocol: 'HTTPS', port: 443 })))}>
        {t('systems.addEndpoint')}
      </button>
      <AutoText label={of(t('systems.hostNotes'))} multiline saved={host.notes} save={(notes) => write(api('systems.updateHost', { id: host.id, notes }))} />
    </details>
  );
}

export function HostRows({ environment, topicTitle, reload }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>('middleware');
  const update = async (id: string, patch: HostPatch) => {
    await api('systems.updateHost', { id, ...patch });
    await reload();
  };
  const roleOptions = HOST_ROLES.map((r) => ({ value: r, label: t(`systems.role.${r}`) }));
  const operatorOptions = [{ value: '', label: t('systems.operatorUnknown') }, ...OPERATORS.map((o) => ({ value: o, label: t(`systems.operator.${o}`) }))];
  const source = (h: HostDetail) => (h.source === '' ? '' : h.source === SIZING_SOURCE ? t('systems.fromSizing') : t('systems.fromTopic', { topic: topicTitle(h.source) }));
  const environmentName = environment.name.trim() || t(`systems.kind.${environment.kind}`);
  const add = async () => {
    await api('systems.addHost', { environmentId: environment.id, name: name.trim(), role: role as (typeof HOST_ROLES)[number] });
    setName('');
    await reload();
  };
  const remove = (h: HostDetail) => {
    if (!window.confirm(t('systems.removeHostConfirm', { name: h.name }))) return;
    void reportFailure(api('systems.removeHost', { id: h.id }).then(reload));
  };

  return (
    <>
      {environment.hosts.length === 0 ? (
        <p className="muted">{t('systems.noHosts')}</p>
      ) : (
        <div className="hosts-scroll">
          <table className="data-table hosts-table">
            <caption>{t('systems.hostsOf', { environment: environmentName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('systems.hostName')}</th>
                <th scope="col">{t('systems.addresses')}</th>
                <th scope="col">{t('systems.role')}</th>
                <th scope="col">{t('systems.operatingSystem')}</th>
                <th scope="col">{t('systems.cpuCores')}</th>
                <th scope="col">{t('systems.ramGb')}</th>
                <th scope="col">{t('systems.diskGb')}</th>
                <th scope="col">{t('systems.operator')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('systems.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {environment.hosts.map((h) => {
                const of = (field: string) => t('systems.fieldOf', { field, host: h.name });
                return (
                  <tr key={h.id}>
                    <td>
                      <AutoText compact label={of(t('systems.hostName'))} saved={h.name} save={(v) => update(h.id, { name: v.trim() })} />
                      {h.source && <span className="muted host-source">{source(h)}</span>}
                    </td>
                    <td>
                      <AutoText compact label={of(t('systems.addresses'))} saved={h.addresses} save={(addresses) => update(h.id, { addresses })} />
                    </td>
                    <td>
                      <AutoSelect compact label={of(t('systems.role'))} saved={h.role} options={roleOptions} save={(v) => update(h.id, { role: v as HostDetail['role'] })} />
                    </td>
                    <td>
                      <AutoText compact label={of(t('systems.operatingSystem'))} saved={h.operatingSystem} save={(operatingSystem) => update(h.id, { operatingSystem })} />
                    </td>
                    <td>
                      <AutoText compact type="number" label={of(t('systems.cpuCores'))} saved={h.cpuCores === null ? '' : String(h.cpuCores)} save={(v) => update(h.id, { cpuCores: toCount(v) })} />
                    </td>
                    <td>
                      <AutoText compact type="number" label={of(t('systems.ramGb'))} saved={h.ramGb === null ? '' : String(h.ramGb)} save={(v) => update(h.id, { ramGb: toCount(v) })} />
                    </td>
                    <td>
                      <AutoText compact type="number" label={of(t('systems.diskGb'))} saved={h.diskGb === null ? '' : String(h.diskGb)} save={(v) => update(h.id, { diskGb: toCount(v) })} />
                    </td>
                    <td>
                      <AutoSelect
                        compact
                        label={of(t('systems.operator'))}
                        saved={h.operator ?? ''}
                        options={operatorOptions}
                        save={(v) => update(h.id, { operator: v === '' ? null : (v as NonNullable<HostDetail['operator']>) })}
                      />
                    </td>
                    <td>
                      <button type="button" className="link-button" aria-label={t('systems.removeHost', { name: h.name })} onClick={() => remove(h)}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {environment.hosts.map((h) => (
        <HostParts key={h.id} host={h} reload={reload} />
      ))}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '') void reportFailure(add());
        }}
      >
        <TextField label={t('systems.newHost')} value={name} onChange={setName} />
        <SelectField label={t('systems.role')} value={role} options={roleOptions} onChange={setRole} />
        <button type="submit" disabled={name.trim() === ''}>
          {t('systems.addHost')}
        </button>
      </form>
    </>
  );
}
