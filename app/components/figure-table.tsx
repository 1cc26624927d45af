// A table of labelled figures (one row per figure), for the reports that print and hide small numbers.

/** Cell classes shared by the report tables. */
export const FIGURE_CELL = "border-b border-gray-300 py-2 pr-4";
export const FIGURE_NUMBER = "text-right tabular-nums";

export function FigureTable({
  caption,
  rows,
  testId,
  className = "mb-8 max-w-xl",
  captionClassName = "mb-2 text-left text-xl font-bold",
}: {
  caption: string;
  rows: { label: string; value: string }[];
  testId?: string;
  className?: string;
  /** "sr-only" when a heading above already names the table */
  captionClassName?: string;
}) {
  return (
    <table className={`${className} w-full border-collapse text-left`} data-testid={testId}>
      <caption className={captionClassName}>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className={`${FIGURE_CELL} font-normal`}>
              {r.label}
            </th>
            <td className={`${FIGURE_CELL} ${FIGURE_NUMBER}`}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
