/**
 * @module The bookings table: filters (widget, class, status, exact email, booking dates) kept in the URL, pages by
 * cursor, each row leading to its detail, and the CSV of exactly the filter.
 */
import { Fragment, h } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminBooking } from "../../../sdk/schemas/booking-admin.js";
import { api, useLoad } from "../../api.js";
import { formatDateTime, plural, relativeTime } from "../../format.js";
import { Link, navigate, useLocation } from "../../router.js";
import { Button, ButtonLink } from "../../ui/button.js";
import { EmptyState } from "../../ui/empty-state.js";
import { SelectField, TextField } from "../../ui/field.js";
import { Icon } from "../../ui/icons.js";
import { LoadError } from "../../ui/notice.js";
import { PageHeader } from "../../ui/page-header.js";
import { Spinner } from "../../ui/spinner.js";
import { type Column, Table } from "../../ui/table.js";
import { BookingStatus, visitorName } from "./booking-status.js";
import {
  type BookingFilters,
  csvHref,
  filterErrors,
  filtersSearch,
  hasFilters,
  readFilters,
  toApiQuery,
} from "./filters.js";

const PAGE_SIZE = 50;

function Filters({ filters, onChange }: { filters: BookingFilters; onChange: (next: BookingFilters) => void }) {
  const widgets = useLoad((signal) => api().widgets.list({ signal }), []);
  const slots = useLoad(
    (signal) => (filters.widgetId ? api().slots.list(filters.widgetId, { signal }) : Promise.resolve([])),
    [filters.widgetId],
  );
  const [email, setEmail] = useState(filters.email ?? "");
  useEffect(() => setEmail(filters.email ?? ""), [filters.email]);
  const errors = filterErrors(filters);
  const search = (event: Event) => {
    event.preventDefault();
    onChange({ ...filters, email: email.trim() || undefined });
  };
  return (
    <form class="card filters" onSubmit={search} aria-label="Filter bookings">
      <div class="field-search">
        <TextField
          label="Email"
          type="email"
          value={email}
          onValue={setEmail}
          placeholder="ada@example.com"
          hint="The exact address; Enter searches"
          autocomplete="off"
        />
      </div>
      <SelectField
        label="Widget"
        value={filters.widgetId ?? ""}
        onValue={(widgetId) => onChange({ ...filters, widgetId: widgetId || undefined, slotId: undefined })}
        options={[
          { value: "", label: "All widgets" },
          ...(widgets.data ?? []).map((w) => ({ value: w.id, label: w.title })),
        ]}
      />
      <SelectField
        label="Class"
        value={filters.slotId ?? ""}
        disabled={!filters.widgetId}
        hint={filters.widgetId ? undefined : "Choose a widget first"}
        onValue={(slotId) => onChange({ ...filters, slotId: slotId || undefined })}
        options={[
          { value: "", label: "All classes" },
          ...(slots.data ?? []).map((s) => ({
            value: s.id,
            label: `${formatDateTime(s.startsAt)}${s.label ? ` · ${s.label}` : ""}`,
          })),
        ]}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ""}
        onValue={(status) => onChange({ ...filters, status: (status || undefined) as BookingFilters["status"] })}
        options={[
          { value: "", label: "Any status" },
          { value: "confirmed", label: "Confirmed" },
          { value: "cancelled", label: "Cancelled" },
          { value: "erased", label: "Erased" },
        ]}
      />
      <TextField
        label="Booked from"
        type="date"
        value={filters.from ?? ""}
        onValue={(from) => onChange({ ...filters, from: from || undefined })}
      />
      <TextField
        label="Booked until"
        type="date"
        value={filters.to ?? ""}
        error={errors.to}
        onValue={(to) => onChange({ ...filters, to: to || undefined })}
      />
      <div class="row filters-actions">
        <Button type="submit" variant="primary">
          <Icon name="search" size={16} /> Search
        </Button>
        {hasFilters(filters) && (
          <Button
            variant="ghost"
            onClick={() => {
              setEmail("");
              onChange({});
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}

function columns(search: string): Column<AdminBooking>[] {
  const detail = (b: AdminBooking) => `/bookings/${encodeURIComponent(b.id)}${search ? `?${search}` : ""}`;
  return [
    {
      label: "Class",
      cell: (b) => <span class="nowrap">{formatDateTime(b.slot.startsAt)}</span>,
    },
    {
      label: "Name",
      kind: "primary",
      cell: (b) => (
        <>
          <Link to={detail(b)} class="row-link">
            {visitorName(b)}
          </Link>
          <span class="cell-sub">booked {relativeTime(b.createdAt)}</span>
        </>
      ),
    },
    {
      label: "Email",
      cell: (b) => (b.email ? <a href={`mailto:${b.email}`}>{b.email}</a> : <span class="muted">–</span>),
    },
    {
      label: "Phone",
      cell: (b) =>
        b.phone ? (
          <a href={`tel:${b.phone}`} class="nowrap">
            {b.phone}
          </a>
        ) : (
          <span class="muted">–</span>
        ),
    },
    { label: "Status", cell: (b) => <BookingStatus booking={b} /> },
    {
      label: "Source",
      cell: (b) => b.context?.utm?.source ?? <span class="muted">–</span>,
    },
  ];
}

/** The bookings list page. */
export function BookingList() {
  const location = useLocation();
  const filters = readFilters(location.query);
  const search = filtersSearch(filters);
  // The cursors of the pages seen so far, to go back; a new filter starts again at its first page.
  const [paging, setPaging] = useState<{ search: string; cursors: (string | undefined)[] }>({
    search,
    cursors: [undefined],
  });
  const cursors = paging.search === search ? paging.cursors : [undefined];
  const setCursors = (next: (string | undefined)[]) => setPaging({ search, cursors: next });
  const cursor = cursors.at(-1);
  const page = useLoad(
    (signal) => api().bookings.list({ ...toApiQuery(filters), cursor, limit: PAGE_SIZE }, { signal }),
    [search, cursor],
  );
  const change = (next: BookingFilters) => {
    const query = filtersSearch(next);
    navigate(query ? `/bookings?${query}` : "/bookings", { replace: true });
  };
  const rows = page.data?.data ?? [];
  const pageNumber = cursors.length;
  return (
    <>
      <PageHeader
        title="Bookings"
        description="Everyone who booked, newest first."
        actions={
          <ButtonLink href={csvHref(filters)} download>
            <Icon name="download" size={16} /> Export CSV
          </ButtonLink>
        }
      />
      <Filters filters={filters} onChange={change} />
      {page.error ? <LoadError error={page.error} onRetry={page.reload} /> : null}
      {!page.data && !page.error && <Spinner label="Loading bookings" />}
      {page.data && rows.length === 0 && (
        <EmptyState
          title={hasFilters(filters) ? "No bookings match" : "No bookings yet"}
          icon={<Icon name="bookings" />}
          action={
            hasFilters(filters) ? (
              <Button onClick={() => change({})}>Clear filters</Button>
            ) : (
              <Link to="/widgets" class="btn btn-primary">
                Get the snippet
              </Link>
            )
          }
        >
          <p>
            {hasFilters(filters)
              ? filters.email
                ? "The email search matches the whole address exactly. Check it, or clear the filters."
                : "Try a wider date range or another status."
              : "Once a widget is on your website and has times to book, bookings appear here as they come in."}
          </p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <Table
            caption={`Bookings, page ${pageNumber}`}
            class="stack-on-phone"
            columns={columns(search)}
            rows={rows}
            rowKey={(b) => b.id}
          />
          <nav class="pager" aria-label="Pages of bookings">
            <span>
              Page {pageNumber} · {plural(rows.length, "booking")}
              {page.loading && <span class="visually-hidden"> (loading)</span>}
            </span>
            <span class="row">
              <Button size="sm" disabled={pageNumber === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Previous
              </Button>
              <Button
                size="sm"
                disabled={!page.data?.nextCursor}
                onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
              >
                Next
              </Button>
            </span>
          </nav>
        </>
      )}
    </>
  );
}
