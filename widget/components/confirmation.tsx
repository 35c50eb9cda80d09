/** @module Step three: the booking is confirmed; add it to a calendar or cancel it. */
import { Component, createRef } from "preact";
import type { BookingCreated } from "../../sdk/schemas/booking.js";
import type { Messages } from "../i18n/en.js";
import { Notice, type NoticeState } from "./notice.js";

interface Props {
  t: Messages;
  when: string;
  result: BookingCreated;
  successMessage: string | undefined;
  calendarUrl: string;
  cancelled: boolean;
  busy: boolean;
  notice: NoticeState | undefined;
  onCancel: () => void;
  onAgain: () => void;
}

const TICK = (
  <svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" aria-hidden="true">
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </svg>
);

/** The confirmation; its heading takes focus so keyboard and screen-reader users land on the news. */
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
    if (previous.cancelled !== this.props.cancelled) this.heading.current?.focus();
  }

  override render(
    { t, when, successMessage, calendarUrl, cancelled, busy, notice, onCancel, onAgain }: Props,
    { asking }: { asking: boolean },
  ) {
    return (
      <div class="done" part="confirmation">
        {!cancelled && <div class="tick">{TICK}</div>}
        <h3 ref={this.heading} tabIndex={-1}>
          {cancelled ? t.cancelled : t.booked}
        </h3>
        <p class="when">{when}</p>
        {!cancelled && successMessage && <p class="desc">{successMessage}</p>}
        <Notice notice={notice} t={t} />
        <div class="row">
          {cancelled ? (
            <button type="button" class="btn primary" part="button" onClick={onAgain}>
              {t.again}
            </button>
          ) : asking ? (
            <>
              <p class="ask" id="sb-ask">
                {t.cancelAsk}
              </p>
              <button type="button" class="btn ghost" part="button" disabled={busy} onClick={onCancel}>
                {t.cancelYes}
              </button>
              <button
                type="button"
                class="btn ghost"
                part="button"
                ref={this.keep}
                aria-describedby="sb-ask"
                onClick={() => this.setState({ asking: false })}
              >
                {t.keep}
              </button>
            </>
          ) : (
            <>
              <a class="btn ghost" part="button calendar" href={calendarUrl} download="booking.ics">
                {t.calendar}
              </a>
              <button type="button" class="btn ghost" part="button" onClick={() => this.setState({ asking: true })}>
                {t.cancel}
              </button>
            </>
          )}
        </div>
      </div>
    );
  }
}
