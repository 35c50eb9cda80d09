/**
 * @module One booking (`/console/bookings/{id}`): the class, the visitor and their answers, consent, the page and
 * UTM context, what the booking caused (emails, webhook deliveries), and the team's actions: attended or no-show,
 * cancel on the visitor's behalf, erase for good; each destructive one asks first and says what happens.
 */
import { type ComponentChildren, Fragment, h } from "preact";
import type { AdminBooking } from "../../../sdk/schemas/booking-admin.js";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { api, useAction, useLoad } from "../../api.js";
import { formatDateTime, formatTimeRange } from "../../format.js";
import { Link, useLocation } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { confirmAction } from "../../ui/dialog.js";
import { Icon } from "../../ui/icons.js";
import { LoadError, Notice } from "../../ui/notice.js";
import { PageHeader } from "../../ui/page-header.js";
import { Spinner } from "../../ui/spinner.js";
import { BookingMessages } from "./booking-messages.js";
import { BookingStatus, firstName, visitorName } from "./booking-status.js";

/** The label of an answer's field (from the widget's form), or its key when the field is gone. */
export function answerRows(booking: AdminBooking, widget: Widget | undefined): { label: string; value: string }[] {
  return Object.entries(booking.answers ?? {}).map(([key, value]) => ({
    label: widget?.fields.find((f) => f.key === key)?.label ?? key,
    value: typeof value === "boolean" ? (value ? "Yes" : "No") : value || "–",
  }));
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const dash = <span class="muted">–</span>;

function Actions({ booking, onChange }: { booking: AdminBooking; onChange: (b: AdminBooking) => void }) {
  const { canEdit } = useSession();
  const name = visitorName(booking);
  const first = firstName(booking);
  const attendance = useAction(
    (value: AdminBooking["attendance"] | null) => api().bookings.update(booking.id, { attendance: value ?? null }),
    {
      success: (b) =>
        b.attendance === "attended"
          ? "Marked attended"
          : b.attendance === "no_show"
            ? "Marked no-show"
            : "Attendance cleared",
    },
  );
  const cancel = useAction(() => api().bookings.cancel(booking.id), {
    success: "Booking cancelled; the visitor is being told",
  });
  const erase = useAction(() => api().bookings.erase(booking.id), { success: "Personal data erased" });
  const started = new Date(booking.slot.startsAt).getTime() <= Date.now();
  const erased = booking.status === "erased";
  const disabledWhy = !canEdit ? needsRole("editor") : undefined;

  const mark = async (value: AdminBooking["attendance"] | null) => {
    const updated = await attendance.run(value);
    if (updated) onChange(updated);
  };
  const askCancel = async () => {
    const ok = await confirmAction({
      title: `Cancel ${name}'s booking?`,
      body: (
        <>
          <p>
            {first} will be told by email that the booking is cancelled, and the seat opens up for someone else. The
            team in the widget's notification list is told too.
          </p>
          <p>This cannot be undone; {first} can book again through the widget.</p>
        </>
      ),
      confirmLabel: "Cancel booking",
      cancelLabel: "Keep booking",
    });
    if (!ok) return;
    const updated = await cancel.run();
    if (updated) onChange(updated);
  };
  const askErase = async () => {
    const ok = await confirmAction({
      title: `Erase ${name}'s personal data?`,
      body: (
        <>
          <p>
            The name, email, phone number, answers, consent and the page {first} booked from are deleted for good.
            Nobody can get them back, from here, from a CSV export or from the API.
          </p>
          <p>
            The booking stays in your numbers as "erased"
            {booking.status === "confirmed" ? " and its seat opens up" : ""}. Use this when someone asks to be forgotten
            (GDPR).
          </p>
        </>
      ),
      confirmLabel: "Erase for good",
      cancelLabel: "Keep the data",
    });
    if (!ok) return;
    const updated = await erase.run();
    if (updated) onChange(updated);
  };

  return (
    <section class="card" aria-labelledby="actions">
      <div class="card-head">
        <h2 id="actions">Follow up</h2>
      </div>
      <div class="card-body stack">
        <fieldset class="stack-sm">
          <legend class="field-label">Did {first} come?</legend>
          <div class="segmented">
            <Button
              size="sm"
              aria-pressed={booking.attendance === "attended"}
              disabled={!canEdit || erased || !started}
              busy={attendance.busy}
              title={disabledWhy}
              onClick={() => mark(booking.attendance === "attended" ? null : "attended")}
            >
              Attended
            </Button>
            <Button
              size="sm"
              aria-pressed={booking.attendance === "no_show"}
              disabled={!canEdit || erased || !started}
              title={disabledWhy}
              onClick={() => mark(booking.attendance === "no_show" ? null : "no_show")}
            >
              No-show
            </Button>
          </div>
          {!started && !erased && <p class="field-hint">You can mark this once the class has started.</p>}
        </fieldset>
        {canEdit ? (
          <div class="row">
            {booking.status === "confirmed" && (
              <Button onClick={askCancel} busy={cancel.busy}>
                Cancel booking
              </Button>
            )}
            {!erased && (
              <Button variant="danger" onClick={askErase} busy={erase.busy}>
                Erase personal data
              </Button>
            )}
          </div>
        ) : (
          <p class="muted small">{needsRole("editor")}.</p>
        )}
      </div>
    </section>
  );
}

/** The booking detail page. */
export function BookingDetail({ id }: { id: string }) {
  const { query } = useLocation();
  const back = `/bookings${query.toString() ? `?${query}` : ""}`;
  const booking = useLoad((signal) => api().bookings.get(id, { signal }), [id]);
  const messages = useLoad((signal) => api().bookings.messages(id, { signal }), [id]);
  const widgetId = booking.data?.widgetId;
  const widget = useLoad(
    (signal) => (widgetId ? api().widgets.get(widgetId, { signal }) : Promise.resolve(undefined)),
    [widgetId],
  );
  const webhooks = useLoad(
    (signal) =>
      api()
        .webhooks.list({ signal })
        .catch(() => []),
    [],
  );
  const backLink = (
    <Link to={back}>
      <Icon name="back" size={14} /> All bookings
    </Link>
  );

  if (booking.error) {
    return (
      <>
        <PageHeader title="Booking" back={backLink} />
        <LoadError error={booking.error} onRetry={booking.reload} />
      </>
    );
  }
  const b = booking.data;
  if (!b) return <Spinner label="Loading the booking" />;
  const w = widget.data;
  const utm = b.context?.utm ?? {};
  const answers = answerRows(b, w);
  const update = (next: AdminBooking) => {
    booking.setData(() => next);
    messages.reload();
  };

  return (
    <>
      <PageHeader title={visitorName(b)} back={backLink} description={<BookingStatus booking={b} />} />
      {b.status === "erased" && (
        <Notice>This booking's personal data was erased{b.erasedAt ? ` on ${formatDateTime(b.erasedAt)}` : ""}.</Notice>
      )}
      <div class="detail-grid section">
        <div class="stack">
          <section class="card" aria-labelledby="visitor">
            <div class="card-head">
              <h2 id="visitor">Visitor</h2>
            </div>
            <dl class="dl card-body">
              <Row label="Name">{b.name ?? dash}</Row>
              <Row label="Email">{b.email ? <a href={`mailto:${b.email}`}>{b.email}</a> : dash}</Row>
              <Row label="Phone">{b.phone ? <a href={`tel:${b.phone}`}>{b.phone}</a> : dash}</Row>
              <Row label="Time zone">{b.timezone ?? dash}</Row>
              <Row label="Language">{b.locale ?? dash}</Row>
              <Row label="Booked">{formatDateTime(b.createdAt)}</Row>
            </dl>
          </section>
          <section class="card" aria-labelledby="answers">
            <div class="card-head">
              <h2 id="answers">Answers and consent</h2>
            </div>
            <dl class="dl card-body">
              {answers.map((a) => (
                <Row key={a.label} label={a.label}>
                  {a.value}
                </Row>
              ))}
              {answers.length === 0 && (
                <Row label="Answers">{b.status === "erased" ? "Erased" : "No extra questions"}</Row>
              )}
              <Row label="Consent">
                {b.consent === undefined ? (
                  dash
                ) : (
                  <>
                    {b.consent ? `Given on ${formatDateTime(b.createdAt)}` : "Not given"}
                    {b.consentText ? (
                      <span class="cell-sub">They agreed to: "{b.consentText}"</span>
                    ) : (
                      w?.consent && <span class="cell-sub">The widget's consent text now: "{w.consent.text}"</span>
                    )}
                  </>
                )}
              </Row>
            </dl>
          </section>
          <section class="card" aria-labelledby="context">
            <div class="card-head">
              <h2 id="context">Where they came from</h2>
            </div>
            <dl class="dl card-body">
              <Row label="Page">
                {b.context?.pageUrl ? (
                  <a href={b.context.pageUrl} rel="noreferrer noopener" target="_blank">
                    {b.context.pageUrl}
                  </a>
                ) : (
                  dash
                )}
              </Row>
              <Row label="Referrer">{b.context?.referrer ?? dash}</Row>
              <Row label="UTM source">{utm.source ?? dash}</Row>
              <Row label="UTM medium">{utm.medium ?? dash}</Row>
              <Row label="UTM campaign">{utm.campaign ?? dash}</Row>
              <Row label="UTM term">{utm.term ?? dash}</Row>
              <Row label="UTM content">{utm.content ?? dash}</Row>
            </dl>
          </section>
        </div>
        <div class="stack">
          <section class="card" aria-labelledby="class">
            <div class="card-head">
              <h2 id="class">Class</h2>
            </div>
            <dl class="dl card-body">
              <Row label="When">{formatTimeRange(b.slot.startsAt, b.slot.endsAt)}</Row>
              <Row label="Widget">{w ? <Link to={`/widgets/${w.id}`}>{w.title}</Link> : b.widgetId}</Row>
              <Row label="Booking id">
                <code>{b.id}</code>
              </Row>
            </dl>
          </section>
          <Actions booking={b} onChange={update} />
          <section class="card" aria-labelledby="messages">
            <div class="card-head">
              <h2 id="messages">Emails and webhooks</h2>
            </div>
            <div class="card-body">
              {messages.error ? (
                <LoadError error={messages.error} onRetry={messages.reload} />
              ) : messages.data ? (
                <BookingMessages messages={messages.data} webhooks={webhooks.data ?? []} />
              ) : (
                <Spinner label="Loading messages" />
              )}
            </div>
          </section>
        </div>
      </div>
    </>
  );
}
