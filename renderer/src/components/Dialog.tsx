// A modal dialog on the native <dialog> element: focus moves into it and stays there, Escape
// cancels, and the rest of the page is inert while it is open.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  onCancel: () => void;
  /** The dialog is a form; submitting it (Enter, or the submit button) calls this. */
  onSubmit: () => void;
  submitLabel: string;
  cancelLabel: string;
  busy?: boolean;
  children: ReactNode;
}

export function Dialog({ title, onCancel, onSubmit, submitLabel, cancelLabel, busy, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
