// Page pieces the finance pages share: a section under its own heading, a table's column headings,
// and a table row headed by a link to its pay period.
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

/** A section labelled by its h2 (the heading's id is `id`). */
export function Section({
  id,
  title,
  className,
  headingSpacing = "mb-4",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  headingSpacing?: "mb-2" | "mb-4";
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={`${headingSpacing} text-2xl font-bold`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table's header row: one column heading per entry. */
export function ColumnHeads({ headings, cellClassName }: { headings: readonly string[]; cellClassName: string }) {
  return (
    <thead>
      <tr>
        {headings.map((h) => (
          <th key={h} scope="col" className={cellClassName}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row's heading cell: the pay period's label, linked to its page, then anything after it. */
export function PeriodRowHeader({ period, children }: { period: { id: string; label: string }; children?: ReactNode }) {
  return (
    <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
      <Link to={`/finance/periods/${period.id}`} className="text-brand underline">
        {period.label}
      </Link>
      {children}
    </th>
  );
}
