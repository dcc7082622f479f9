// The layout of the Customers and People screens: a searchable list on the left, the selected
// entry's editor on the right.
import type { ReactNode } from 'react';
import { FieldFrame } from '../components/fields.tsx';

interface Props {
  heading: string;
  headingId: string;
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  /** Extra filters and the "new" button. */
  tools: ReactNode;
  listLabel: string;
  list: ReactNode;
  detail: ReactNode;
}

export function MasterDetail({ heading, headingId, searchLabel, search, onSearch, tools, listLabel, list, detail }: Props) {
  return (
    <section className="master-detail" aria-labelledby={headingId}>
      <div className="master">
        <h1 id={headingId}>{heading}</h1>
        <div role="search">
          <FieldFrame label={searchLabel} error={null}>
            {({ id }) => <input id={id} type="search" value={search} onChange={(e) => onSearch(e.target.value)} />}
          </FieldFrame>
        </div>
        {tools}
        <nav aria-label={listLabel}>{list}</nav>
      </div>
      <div className="detail">{detail}</div>
    </section>
  );
}
