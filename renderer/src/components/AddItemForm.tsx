// The small form under a list that adds one more entry: Enter in its field or its button adds,
// and the page does not reload.
import type { ReactNode } from 'react';

export function AddItemForm({ onAdd, children }: { onAdd: () => void; children: ReactNode }) {
  return (
    <form
      className="add-item"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd();
      }}
    >
      {children}
    </form>
  );
}
