/**
 * @module The booking on the manage page, as the widget's confirmation shows it: status, the time in the visitor's
 * zone with the zone named, the location, the organiser, and what the visitor can do next.
 */
import { Component, Fragment, h, type RefObject } from "preact";
import type { Booking } from "../../sdk/schemas/booking.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import { GLOBE } from "../components/icons.js";
import { Notice } from "../components/notice.js";
import { Place } from "../components/place.js";
import { dateFormat, formatSlot, zoneName } from "../format-slot-time.js";
import type { Messages } from "../i18n/en.js";
import type { ManageMessages } from "../i18n/manage/en.js";
import { fill } from "../i18n/messages.js";
import { calendarLinks } from "./calendar-links.js";
import type { View } from "./manage-app.js";

interface Props {
  booking: Booking;
  widget: PublicWidget | undefined;
  view: Extract<View, { v: "booking" }>;
  t: Messages;
  mt: ManageMessages;
  locale: string;
  timeZone: string;
  heading: RefObject<HTMLHeadingElement>;
  /** The booking's invite (.ics), from the API client. */
  calendarUrl: string;
  onAsk: (asking: boolean) => void;
  onCancel: () => void;
  onReschedule: () => void;
  onAgain: () => void;
}

/** Why a booking holds no seat any more, in the visitor's words. */
function reasonText(booking: Booking, mt: ManageMessages): string {
  if (booking.status === "erased") return mt.erasedNote;
  return booking.cancelReason === "slot_cancelled"
    ? mt.classCancelled
    : booking.cancelReason === "admin"
      ? mt.byOrganiser
      : mt.byYou;
}

/** The card; while the visitor is asked whether to cancel, the question replaces its heading and actions. */
export class ManageCard extends Component<Props> {
  keep = { current: null as HTMLButtonElement | null };

  // Asking replaces the button that had focus: the safe answer takes it.
  override componentDidUpdate(previous: Props) {
    if (this.props.view.asking && !previous.view.asking) this.keep.current?.focus();
  }

  override render(props: Props) {
    const { booking, widget, view, t, mt, locale, timeZone, heading } = props;
    const { status, slot } = booking;
    const confirmed = status === "confirmed";
    const asking = confirmed && view.asking;
    const start = new Date(slot.startsAt);
    const when = dateFormat(locale, timeZone, { dateStyle: "long", timeStyle: "short" }).format(start);
    const place =
      widget?.location && (widget.location.kind === "online" ? widget.location.url : widget.location.address);
    const links =
      widget &&
      calendarLinks({
        title: widget.title,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        details: widget.description,
        location: place,
      });
    const organizer = widget?.organizer;
    return (
      <div class="done" part="confirmation">
        <p class={`badge ${status}`}>
          {confirmed ? mt.confirmed : status === "erased" ? mt.erasedBadge : mt.cancelledBadge}
        </p>
        <h3 ref={heading} tabIndex={-1} id="sb-done">
          {asking
            ? fill(mt.cancelAsk, { when })
            : confirmed
              ? view.moved
                ? mt.moved
                : t.booked
              : status === "erased"
                ? mt.erased
                : t.cancelled}
        </h3>
        <p class={confirmed ? "when" : "when gone"}>{formatSlot(slot, locale, timeZone)}</p>
        <p class="tz" part="timezone">
          {GLOBE}
          {zoneName(locale, timeZone, start)}
        </p>
        <Place location={widget?.location} />
        {organizer && (
          <p class="tz org" part="organizer">
            {fill(mt.by, { name: organizer.name })}
            {" · "}
            <a href={`mailto:${organizer.email}`} aria-label={fill(mt.write, { name: organizer.name })}>
              {organizer.email}
            </a>
          </p>
        )}
        {!confirmed && <p class="desc more">{reasonText(booking, mt)}</p>}
        {asking && (
          <p class="desc more" id="sb-ask">
            {mt.undone}
          </p>
        )}
        <Notice notice={view.notice} t={t} />
        {!confirmed ? (
          widget && (
            <button type="button" class="btn primary" part="button" onClick={props.onAgain}>
              {t.again}
            </button>
          )
        ) : asking ? (
          <div class="row">
            <button type="button" class="btn danger" part="button" disabled={view.busy} onClick={props.onCancel}>
              {t.cancelYes}
            </button>
            <button
              type="button"
              class="btn ghost"
              part="button"
              ref={(el) => {
                this.keep.current = el;
              }}
              aria-describedby="sb-done sb-ask"
              onClick={() => props.onAsk(false)}
            >
              {t.keep}
            </button>
          </div>
        ) : (
          <>
            <a class="btn primary" part="button calendar" href={props.calendarUrl} download="booking.ics">
              {t.calendar}
            </a>
            {links && (
              <div class="acts" part="calendars">
                <a class="link" href={links.google} target="_blank" rel="noopener noreferrer">
                  {mt.google}
                  <span class="sr"> {t.newTab}</span>
                </a>
                <a class="link" href={links.outlook} target="_blank" rel="noopener noreferrer">
                  {mt.outlook}
                  <span class="sr"> {t.newTab}</span>
                </a>
                <a class="link" href={props.calendarUrl} download="booking.ics">
                  {mt.ics}
                </a>
              </div>
            )}
            <div class="row">
              {widget && (
                <button
                  type="button"
                  class="btn ghost"
                  part="button reschedule"
                  disabled={view.busy}
                  onClick={props.onReschedule}
                >
                  {mt.reschedule}
                </button>
              )}
              <button type="button" class="btn ghost" part="button cancel" onClick={() => props.onAsk(true)}>
                {t.cancel}
              </button>
            </div>
          </>
        )}
      </div>
    );
  }
}
