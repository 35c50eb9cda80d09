/**
 * @module The manage page's app (manage.js): the visitor's booking in their own zone, where it is and who runs it,
 * "Add to calendar", reschedule with the widget's slot picker, and cancel after a question; a clear page when the
 * booking is cancelled, erased or the link does not work. The card is in manage-card.tsx.
 */
import { Component, createRef, h } from "preact";
import type { SlotbookClient } from "../../sdk/client/public-client.js";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import type { Booking } from "../../sdk/schemas/booking.js";
import type { Slot } from "../../sdk/schemas/slot.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import { BookingApp } from "../components/booking-app.js";
import { Notice, type NoticeState, Skeleton } from "../components/notice.js";
import { SlotPicker } from "../components/slot-picker.js";
import { firstOpenDay } from "../format-slot-time.js";
import { en, type Messages } from "../i18n/en.js";
import { errorText } from "../i18n/error-text.js";
import type { ManageMessages } from "../i18n/manage/en.js";
import { manageEn } from "../i18n/manage/en.js";
import type { ManageCatalogueLoader } from "../i18n/manage/import-manage-catalogue.js";
import { type CatalogueLoader, loadMessages, resolveLocale } from "../i18n/messages.js";
import { resolveOptions } from "../options.js";
import { ManageCard } from "./manage-card.js";

/** What `mountManage()` gives the app. */
export interface ManageAppProps {
  bookingId: string;
  token: string;
  /** Where the API is: the page's own origin. */
  api: string;
  client: SlotbookClient;
  /** The visitor's zone, as the widget shows times. */
  timeZone: string;
  catalogues: CatalogueLoader;
  manageCatalogues: ManageCatalogueLoader;
  /** Sets the widget's theme and mode once its config is known. */
  onWidget: (widget: PublicWidget) => void;
  signal: AbortSignal;
}

/** What the page shows. */
export type View =
  | { v: "loading" }
  | { v: "failed"; notice: NoticeState }
  | { v: "bad" }
  | { v: "booking"; asking?: boolean; busy?: boolean; moved?: boolean; notice?: NoticeState | undefined }
  | { v: "pick"; slots: Slot[]; dayKey: string | undefined; slot?: Slot; busy?: boolean; notice?: NoticeState }
  | { v: "again" };

interface State {
  view: View;
  t: Messages;
  mt: ManageMessages;
  locale: string;
  booking?: Booking;
  /** Absent when the widget is gone or paused: the booking still shows, without reschedule or booking again. */
  widget?: PublicWidget | undefined;
}

/** The manage page: loads the booking and its widget, runs cancel and reschedule, and moves focus with the news. */
export class ManageApp extends Component<ManageAppProps, State> {
  override state: State = { view: { v: "loading" }, t: en, mt: manageEn, locale: "en" };
  /** Set while a call that changes the booking runs: a second click must not start another. */
  running = false;
  heading = createRef<HTMLHeadingElement>();

  override componentDidMount() {
    this.load();
  }

  // Each view replaces the control that had focus: the news (its heading) takes it; not on the first paint.
  override componentDidUpdate(_: ManageAppProps, previous: State) {
    const { view } = this.state;
    const changed = view.v !== previous.view.v || (view.v === "booking" && this.state.booking !== previous.booking);
    if (changed && previous.view.v !== "loading") this.heading.current?.focus();
  }

  /** Strings of `lang` for both catalogues; English when one cannot load. */
  async strings(wanted: string | undefined) {
    const { lang, locale } = resolveLocale(wanted);
    const manage = lang === "en" ? manageEn : await this.props.manageCatalogues(lang).catch(() => manageEn);
    return { t: await loadMessages(lang, this.props.catalogues), mt: manage, locale };
  }

  load = async () => {
    const { bookingId, token, client, signal, onWidget } = this.props;
    this.setState({ view: { v: "loading" } });
    try {
      const booking = await client.bookings.get(bookingId, { token, signal });
      // A paused or deleted widget answers 404: the booking still shows, in the visitor's language.
      const widget = await client.widgets.get(booking.widgetId, { signal }).catch(() => undefined);
      const strings = await this.strings(widget?.locale ?? navigator.language);
      if (widget) onWidget(widget);
      this.setState({ ...strings, booking, widget, view: { v: "booking" } });
    } catch (error) {
      if (signal.aborted) return;
      const strings = await this.strings(navigator.language);
      const code = error instanceof SlotbookError ? error.code : "network_error";
      if (code === "unauthorized" || code === "not_found") this.setState({ ...strings, view: { v: "bad" } });
      else
        this.setState({
          ...strings,
          view: { v: "failed", notice: { text: errorText(strings.t, error).text, retry: this.load } },
        });
    }
  };

  /** Runs one call that changes the booking, once at a time; `failed` says what the page shows if it fails. */
  async change(call: () => Promise<void>, failed: (error: unknown) => void) {
    if (this.running) return;
    this.running = true;
    try {
      await call();
    } catch (error) {
      if (!this.props.signal.aborted) failed(error);
    } finally {
      this.running = false;
    }
  }

  /** The widget's open times, without the one the booking holds. */
  async openSlots(): Promise<Slot[]> {
    const { client, signal } = this.props;
    const { booking, widget } = this.state;
    return (await client.slots.list(widget!.id, { signal })).filter((s) => s.id !== booking!.slot.id);
  }

  reschedule = () =>
    this.change(
      async () => {
        this.setState({ view: { v: "booking", busy: true } });
        const slots = await this.openSlots();
        this.setState({ view: { v: "pick", slots, dayKey: firstOpenDay(slots, this.props.timeZone) } });
      },
      (error) => this.setState({ view: { v: "booking", notice: { text: errorText(this.state.t, error).text } } }),
    );

  move = () => {
    const { view } = this.state;
    if (view.v !== "pick" || !view.slot) return;
    const slot = view.slot;
    return this.change(
      async () => {
        this.setState({ view: { ...view, busy: true, notice: undefined } });
        const { bookingId, token, client, signal } = this.props;
        const booking = await client.bookings.reschedule(bookingId, { slotId: slot.id }, { token, signal });
        this.setState({ booking, view: { v: "booking", moved: true } });
      },
      async (error) => {
        const { t, mt } = this.state;
        const code = error instanceof SlotbookError ? error.code : "";
        const lost = code === "slot_full" || code === "slot_unavailable";
        const notice = { text: lost ? (code === "slot_full" ? mt.fullMove : mt.goneMove) : errorText(t, error).text };
        // The time went meanwhile: fresh times, none chosen, the booking as it was.
        const slots = lost ? await this.openSlots().catch(() => view.slots) : view.slots;
        this.setState({
          view: {
            ...view,
            slots,
            busy: false,
            notice,
            slot: lost ? undefined : slot,
            dayKey: lost ? firstOpenDay(slots, this.props.timeZone) : view.dayKey,
          },
        });
      },
    );
  };

  cancel = () =>
    this.change(
      async () => {
        this.setState({ view: { v: "booking", asking: true, busy: true } });
        const { bookingId, token, client, signal } = this.props;
        this.setState({ booking: await client.bookings.cancel(bookingId, { token, signal }), view: { v: "booking" } });
      },
      (error) =>
        this.setState({
          view: {
            v: "booking",
            asking: true,
            notice: { text: errorText(this.state.t, error).text, retry: this.cancel },
          },
        }),
    );

  override render(props: ManageAppProps, state: State) {
    const { view, t, mt, locale, booking, widget } = state;
    if (view.v === "loading") {
      return (
        <div aria-busy="true">
          <Skeleton label={t.loading} />
        </div>
      );
    }
    const rtl = locale.startsWith("ar") ? "rtl" : undefined;
    if (view.v === "again") {
      const options = resolveOptions({ widget: widget!.id, api: props.api, timeZone: props.timeZone });
      return (
        <BookingApp
          options={options}
          client={props.client}
          events={document}
          signal={props.signal}
          onWidget={props.onWidget}
          catalogues={props.catalogues}
        />
      );
    }
    const live = view.v === "pick" && view.busy ? mt.moving : view.v === "booking" && view.moved ? mt.moved : "";
    return (
      <div lang={locale} dir={rtl}>
        <p class="sr" role="status" aria-live="polite">
          {live}
        </p>
        <header part="header">
          <h2 id="sb-title" part="title">
            {widget?.title ?? mt.title}
          </h2>
        </header>
        {view.v === "failed" ? (
          <Notice notice={view.notice} t={t} />
        ) : view.v === "bad" ? (
          <div class="done" part="confirmation">
            <h3 ref={this.heading} tabIndex={-1}>
              {mt.badLink}
            </h3>
            <p class="desc more">{mt.badLinkNote}</p>
          </div>
        ) : view.v === "pick" ? (
          <div class="move">
            <h3 ref={this.heading} tabIndex={-1} class="pick">
              {mt.pick}
            </h3>
            <SlotPicker
              step={{
                step: "pick",
                widget: widget!,
                slots: view.slots,
                t: { ...t, next: view.busy ? mt.moving : mt.moveHere },
                locale,
                dayKey: view.dayKey,
                slot: view.busy ? undefined : view.slot,
                notice: view.notice,
                values: { name: "", email: "", phone: "", answers: {}, consent: false, hp: "" },
                errors: {},
              }}
              timeZone={props.timeZone}
              onDay={(dayKey) => this.setState({ view: { ...view, dayKey, slot: undefined } as View })}
              onSlot={(slot) => this.setState({ view: { ...view, slot } })}
              onNext={this.move}
            />
            <button
              type="button"
              class="btn ghost wide"
              part="button"
              onClick={() => this.setState({ view: { v: "booking" } })}
            >
              {mt.keepTime}
            </button>
          </div>
        ) : (
          <ManageCard
            booking={booking!}
            widget={widget}
            view={view}
            t={t}
            mt={mt}
            locale={locale}
            timeZone={props.timeZone}
            heading={this.heading}
            calendarUrl={props.client.bookings.inviteUrl(props.bookingId, { token: props.token })}
            onAsk={(asking) => this.setState({ view: { v: "booking", asking } })}
            onCancel={this.cancel}
            onReschedule={this.reschedule}
            onAgain={() => this.setState({ view: { v: "again" } })}
          />
        )}
      </div>
    );
  }
}
