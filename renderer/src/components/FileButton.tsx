// A file chooser that looks like a button: a visible label for a visually hidden file input (the
// input keeps keyboard focus and its accessible name). The input forgets the chosen file at
// once, so that choosing the same file again, after fixing it, is noticed.
import { useId } from 'react';

interface Props {
  label: string;
  accept: string;
  describedBy?: string | undefined;
  onFile: (file: File) => void;
}

export function FileButton({ label, accept, describedBy, onFile }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="button">
        {label}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
