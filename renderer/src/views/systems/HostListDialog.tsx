// Pasting or importing a host list into an environment: the text (pasted, or read from a CSV or
// text file) is checked first and every problem listed by line; nothing is written until the
// consultant confirms, and then only the lines without problems.
import { useState } from 'react';
import type { HostListPreview } from '../../../../shared/systems/types.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { trackSave } from '../../state/saving.ts';

interface Props {
  environmentId: string;
  environmentName: string;
  onClose: () => void;
  onImported: () => Promise<void>;
}

export function HostListDialog({ environmentId, environmentName, onClose, onImported }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<HostListPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const check = (value: string) => run(async () => setPreview(await api('systems.previewHosts', { environmentId, text: value })));
  const change = (value: string) => {
    setText(value);
    setPreview(null);
    setDone(null);
  };
  const submit = () => {
    if (done) return onClose();
    if (!preview || preview.hosts.length === 0) return void check(text);
    void run(async () => {
      const result = await trackSave(api('systems.importHosts', { environmentId, text }));
      await onImported();
      setDone(t('systems.importDone', { count: result.added }));
    });
  };

  return (
    <Dialog
      title={t('systems.importTitle', { environment: environmentName })}
      onCancel={onClose}
      onSubmit={submit}
      submitLabel={done ? t('import.close') : preview && preview.hosts.length > 0 ? t('systems.importConfirm', { count: preview.hosts.length }) : t('systems.importCheck')}
      cancelLabel={t('import.cancel')}
      busy={busy || text.trim() === ''}
    >
      <p className="muted">{t('systems.importHint')}</p>
      <TextField label={t('systems.importText')} value={text} onChange={change} multiline />
      <p>
        <FileButton
          label={t('systems.importFile')}
          accept=".csv,.txt,text/csv,text/plain"
          onFile={(file) =>
            void file.text().then((content) => {
              change(content);
              void check(content);
            })
          }
        />
      </p>
      {preview && !done && (
        <>
          {preview.hosts.length > 0 && (
            <section aria-labelledby="host-list-ready">
              <h3 id="host-list-ready">{t('systems.importReady', { count: preview.hosts.length })}</h3>
              <ul>
                {preview.hosts.map((h) => (
                  <li key={h.line}>
                    {h.name} {h.addresses && `(${h.addresses})`} – {t(`systems.role.${h.role}`)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="host-list-problems">
            <h3 id="host-list-problems">{preview.problems.length > 0 ? t('systems.importProblems') : t('systems.importNoProblems')}</h3>
            <ul className="problems">
              {preview.problems.map((p, i) => (
                <li key={i}>{t('systems.importLine', { line: p.line, problem: t(`systems.problem.${p.reason}`, { value: p.value }) })}</li>
              ))}
            </ul>
          </section>
        </>
      )}
      {done && <p role="status">{done}</p>}
    </Dialog>
  );
}
