/**
 * @module A data table: a caption, column headers with `scope`, one row per item. On a phone each row becomes a card
 * whose cells carry their column's name (`data-label`, shown by CSS), so nothing scrolls sideways.
 */
import { type ComponentChildren, h } from "preact";

/** One column: its header, and what each row shows in it. */
export interface Column<T> {
  /** Header text; also the cell's label on a phone. */
  label: string;
  cell: (row: T) => ComponentChildren;
  /** `num` right-aligns figures; `actions` holds buttons; `primary` is the card's title on a phone. */
  kind?: "num" | "actions" | "primary";
  /** Hides the header visually (an actions column), keeping it for screen readers. */
  hideLabel?: boolean;
}

interface TableProps<T> {
  /** Says what the table lists; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Marks a row (the one whose detail is open). */
  selected?: (row: T) => boolean;
  class?: string;
}

/** The table; render an `EmptyState` instead when there are no rows. */
export function Table<T>({ caption, showCaption, columns, rows, rowKey, selected, class: extra }: TableProps<T>) {
  return (
    <div class={`table-wrap${extra ? ` ${extra}` : ""}`}>
      <table class="table">
        <caption class={showCaption ? "table-caption" : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" class={column.kind ? `col-${column.kind}` : undefined}>
                {column.hideLabel ? <span class="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} class={selected?.(row) ? "is-selected" : undefined}>
              {columns.map((column) => (
                <td
                  key={column.label}
                  class={column.kind ? `col-${column.kind}` : undefined}
                  data-label={column.hideLabel ? undefined : column.label}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
