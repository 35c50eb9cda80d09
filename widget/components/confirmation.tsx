/** @module Step three: the booking is confirmed; add it to a calendar, manage it on its own page, or cancel it. */
import { Component, createRef, Fragment, h } from "preact";
import type { CancelledStep, DoneStep } from "../flow/booking-flow.js";
import { formatSlot, zoneName } from "../format-slot-time.js";
import { GLOBE } from "./icons.js";
import { Notice } from "./notice.js";
import { Place } from "./place.js";

interface Props {
  step: DoneStep | CancelledStep;
  timeZone: string;
  /** The booking's invite (.ics), from the API client. */
  calendarUrl: string;
  onCancel: () => void;
  onAgain: () => void;
}

const TICK = (
  <svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" aria-hidden="true">
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

/**
 * The confirmation; its heading takes focus so keyboard and screen-reader users land on the news. While the visitor
 * is asked whether to cancel, the question replaces the confirmation, so "You're booked" never stands next to it.
 */
export class Confirmation extends Component<Props, { asking: boolean }> {
  override state = { asking: false };
  heading = createRef<HTMLHeadingElement>();
  keep = createRef<HTMLButtonElement>();

  // Focus moves with the news: on booking and again on cancelling.
  override componentDidMount() {
    this.heading.current?.focus();
  }

  override componentDidUpdate(previous: Props, { asking }: { asking: boolean }) {
    // Asking replaces the button that had focus: the safe answer takes it.
    if (asking !== this.state.asking) this.keep.current?.focus();
    if (previous.step.step !== this.props.step.step) this.heading.current?.focus();
  }

  override render({ step, timeZone, calendarUrl, onCancel, onAgain }: Props, state: { asking: boolean }) {
    const { t, locale, widget, result } = step;
    const { startsAt } = result.booking.slot;
    const cancelled = step.step === "cancelled";
    const done = step.step === "done" ? step : undefined;
    // The question ends with the cancellation: its note must not stay under "Your booking is cancelled."
    const asking = state.asking && !cancelled;
    const booked = !cancelled && !asking;
    // The server builds the link; only http(s) becomes an href, never a `javascript:` URL.
    const manageUrl = /^https?:\/\//.test(result.manageUrl) ? result.manageUrl : undefined;
    return (
      <div class="done" part="confirmation">
        {booked && <div class="tick">{TICK}</div>}
        <h3 ref={this.heading} tabIndex={-1} id="sb-done">
          {cancelled ? t.cancelled : asking ? t.cancelAsk : t.booked}
        </h3>
        <p class="when">{formatSlot(result.booking.slot, locale, timeZone)}</p>
        <p class="tz" part="timezone">
          {GLOBE}
          {zoneName(locale, timeZone, new Date(startsAt))}
        </p>
        <Place location={widget.location} />
        {booked && widget.successMessage && <p class="desc">{widget.successMessage}</p>}
        {asking && (
          <p class="desc" id="sb-ask">
            {t.cancelNote}
          </p>
        )}
        <Notice notice={done?.notice} t={t} />
        {cancelled ? (
          <button type="button" class="btn primary" part="button" onClick={onAgain}>
            {t.again}
          </button>
        ) : asking ? (
          <div class="row">
            <button type="button" class="btn danger" part="button" disabled={done?.busy} onClick={onCancel}>
              {t.cancelYes}
            </button>
            <button
              type="button"
              class="btn ghost"
              part="button"
              ref={this.keep}
              aria-describedby="sb-done sb-ask"
              onClick={() => this.setState({ asking: false })}
            >
              {t.keep}
            </button>
          </div>
        ) : (
          <>
            <a class="btn primary" part="button calendar" href={calendarUrl} download="booking.ics">
              {t.calendar}
            </a>
            {manageUrl && <p class="desc more">{t.manageHint}</p>}
            <div class="acts">
              {manageUrl && (
                <a class="link" part="manage" href={manageUrl} target="_blank" rel="noopener">
                  {t.manage}
                  <span class="sr"> {t.newTab}</span>
                </a>
              )}
              <button type="button" class="link" part="cancel" onClick={() => this.setState({ asking: true })}>
                {t.cancel}
              </button>
            </div>
          </>
        )}
      </div>
    );
  }
}
