/**
 * @module The widget itself: the shell that runs the flow's effects (API calls, events for the host page, focus) and
 * renders its step; what each step holds and how one leads to the next is in flow/booking-flow.ts.
 */
import { Component, createRef, h } from "preact";
import { newIdempotencyKey } from "../../sdk/client/idempotency-key.js";
import type { SlotbookClient } from "../../sdk/client/public-client.js";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import { type FormValues, toFieldErrors, validateBooking } from "../booking-request.js";
import { emit } from "../events.js";
import {
  again,
  booked,
  cancelled,
  chooseDay,
  chooseSlot,
  edited,
  type Flow,
  type FormStep,
  LOADING,
  loaded,
  loadFailed,
  refused,
  slotLost,
  slotsLoaded,
  statusOf,
  toForm,
  toPick,
  working,
} from "../flow/booking-flow.js";
import { errorText } from "../i18n/error-text.js";
import { type CatalogueLoader, loadMessages, resolveLocale } from "../i18n/messages.js";
import type { ResolvedOptions } from "../options.js";
import { bookingContext } from "../page-context.js";
import { BookingForm } from "./booking-form.js";
import { Confirmation } from "./confirmation.js";
import { Notice, Skeleton } from "./notice.js";
import { SlotPicker } from "./slot-picker.js";

/** Props given by `mount()`. */
export interface BookingAppProps {
  options: ResolvedOptions;
  client: SlotbookClient;
  /** Where events are dispatched besides window: the host element, or the popup's opener. */
  events: EventTarget;
  /** Aborted on unmount: no request outlives the widget. */
  signal: AbortSignal;
  /** Sets the look (light/dark/auto) and theme once the config is known. */
  onWidget: (widget: PublicWidget) => void;
  /** Set in a popup: shows the close button. */
  onClose?: (() => void) | undefined;
  catalogues: CatalogueLoader;
}

const CROSS = (
  <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);

interface State {
  flow: Flow;
}

/**
 * The shell around the flow: it loads, books and cancels, tells the host page, moves focus, and renders the step;
 * every failure ends in a message with a way forward, never a blank box. A class rather than hooks: the widget then needs no `preact/hooks`, about 1 kB gzipped of the embed script.
 */
export class BookingApp extends Component<BookingAppProps, State> {
  override state: State = { flow: LOADING };
  /**
   * The latest values, for a submit that fires before the next render (autofill then Enter); the flow gets them too.
   */
  latest: FormValues = {
    name: "",
    email: "",
    phone: "",
    ...this.props.options.prefill,
    answers: {},
    consent: false,
    hp: "",
  };
  /** Set while a booking or cancel call runs: a second click must not start another. */
  running = false;
  /** One key per distinct submission: retries of the same body reuse it, a changed body gets a new one. */
  attempt: { key: string; body: string } | undefined;

  /** The funnel steps this widget reported since it loaded: each once, so a page view counts once however it is used. */
  tracked = new Set<string>();

  /** Tells the server's funnel that the visitor reached `type` (no personal data: the step and the page's utm). */
  track(type: "view" | "slot_selected" | "form_started") {
    if (this.tracked.has(type)) return;
    this.tracked.add(type);
    this.props.client.widgets.track(this.props.options.widgetId, { type, utm: bookingContext(location.href, "").utm });
  }

  /** Applies one of the flow's transitions to the latest state. */
  go<A extends unknown[]>(transition: (flow: Flow, ...args: A) => Flow, ...args: A) {
    this.setState(({ flow }) => ({ flow: transition(flow, ...args) }));
  }

  /**
   * A field changed (`value` given) or was left holding a value (none given): the earliest moment a new error may
   * appear under it.
   */
  edit = (field: string, value?: string | boolean) => {
    if (value !== undefined) this.track("form_started");
    const v = this.latest;
    const [head, key] = field.split(".");
    if (value !== undefined)
      this.latest = key ? { ...v, answers: { ...v.answers, [key]: value } } : { ...v, [head!]: value };
    this.go(edited, field, value === undefined, this.latest, this.validate);
  };

  /** The form as the server will check it, for the chosen slot. */
  validate = ({ widget, slot, locale }: FormStep, values: FormValues) =>
    validateBooking(widget, values, {
      slotId: slot.id,
      timezone: this.props.options.timeZone,
      locale,
      context: bookingContext(location.href, document.referrer),
    });

  /** Reports a failure to the page; true when the widget was unmounted meanwhile and should stay quiet. */
  failed(error: unknown): boolean {
    const { signal, events, options } = this.props;
    if (signal.aborted) return true;
    const known = error instanceof SlotbookError ? error : undefined;
    emit(events, "error", {
      widgetId: options.widgetId,
      code: known?.code ?? "network_error",
      status: known?.status ?? 0,
    });
    return false;
  }

  load = async () => {
    const { options, client, events, signal, onWidget, catalogues } = this.props;
    const { widgetId, timeZone } = options;
    this.setState({ flow: LOADING });
    try {
      // One request for the config and the first slots: the first times show a round trip sooner on a slow network.
      const { widget, slots } = await client.widgets.start(widgetId, { signal });
      const { lang, locale } = resolveLocale(options.locale ?? widget.locale);
      const t = await loadMessages(lang, catalogues);
      onWidget(widget);
      this.setState({ flow: loaded({ widget, slots, t, locale, values: this.latest }, timeZone) });
      emit(events, "ready", { widgetId });
      this.track("view");
    } catch (error) {
      if (this.failed(error)) return;
      const t = await loadMessages(resolveLocale(options.locale).lang, catalogues);
      const { code, text, retry } = errorText(t, error);
      // The console names the origin to allow: after the server's refusal, with the notice's own words (no second
      // string in the bundle); after a network error, as the likely cause, since a refusal without CORS headers (an
      // older server) reaches the widget as one.
      if (code === "origin_not_allowed" || code === "network_error") {
        console.warn(
          `Slotbook: could not load ${widgetId} from ${options.api}; ${code === "network_error" ? `is ${location.origin} an allowed origin?` : text}`,
        );
      }
      this.setState({ flow: loadFailed(t, { text, retry: retry ? this.load : undefined }) });
    }
  };

  async reloadSlots() {
    const { options, client, signal } = this.props;
    try {
      this.go(slotsLoaded, await client.slots.list(options.widgetId, { signal }), options.timeZone);
    } catch (error) {
      this.failed(error);
    }
  }

  root = createRef<HTMLDivElement>();

  /** The root element's first match, for moving focus. */
  find(selector: string) {
    return this.root.current?.querySelector<HTMLElement>(selector);
  }

  // Load once per mount; the retry button reloads.
  override componentDidMount() {
    this.load();
  }

  // Each step replaces the control that had focus: move it to where the visitor goes on. Not when the widget first
  // shows its picker, after loading, where an inline widget must not pull focus away from the host page.
  override componentDidUpdate(_: BookingAppProps, { flow: previous }: State) {
    const { step } = this.state.flow;
    if (step === previous.step || !("widget" in previous)) return;
    if (step === "form") this.find("#name")?.focus();
    if (step === "pick") (this.find('.times [tabindex="0"]') ?? this.find('.days [tabindex="0"]'))?.focus();
  }

  submit = async () => {
    const { options, client, events, signal } = this.props;
    const { flow } = this.state;
    if (this.running || flow.step !== "form") return;
    const { widget, t } = flow;
    const checked = this.validate(flow, this.latest);
    if (!checked.request) {
      this.go(refused, { text: t.errFix }, checked.errors);
      requestAnimationFrame(() => this.find("[aria-invalid=true]")?.focus());
      return;
    }
    const body = JSON.stringify(checked.request);
    if (this.attempt?.body !== body) this.attempt = { key: newIdempotencyKey(), body };
    this.running = true;
    this.go(working);
    try {
      const created = await client.bookings.create(widget.id, checked.request, {
        idempotencyKey: this.attempt.key,
        signal,
      });
      this.attempt = undefined;
      this.go(booked, created);
      const { id, startsAt, endsAt } = created.booking.slot;
      emit(events, "booked", {
        widgetId: options.widgetId,
        bookingId: created.booking.id,
        slot: { id, startsAt, endsAt },
      });
      if (widget.redirectUrl && /^https?:\/\//.test(widget.redirectUrl)) options.navigate(widget.redirectUrl);
    } catch (error) {
      if (this.failed(error)) return;
      const { code, text, retry } = errorText(t, error);
      // A reused key means the body changed under it: the next try must be a new submission.
      if (code === "idempotency_key_reused") this.attempt = undefined;
      const notice = { text, retry: retry ? this.submit : undefined };
      if (code === "slot_full" || code === "slot_unavailable") {
        await this.reloadSlots(); // before the step changes, so focus lands on a time that is still open
        this.go(slotLost, notice);
      } else {
        this.go(
          refused,
          notice,
          code === "validation_failed" ? toFieldErrors((error as SlotbookError).issues) : undefined,
        );
      }
    } finally {
      this.running = false;
    }
  };

  cancel = async () => {
    const { client, signal } = this.props;
    const { flow } = this.state;
    if (this.running || flow.step !== "done") return;
    const { result, t } = flow;
    this.running = true;
    this.go(working);
    try {
      await client.bookings.cancel(result.booking.id, { token: result.manageToken, signal });
      this.go(cancelled);
    } catch (error) {
      if (!this.failed(error)) this.go(refused, { text: errorText(t, error).text, retry: this.cancel });
    } finally {
      this.running = false;
    }
  };

  override render({ options, client, events, onClose }: BookingAppProps, { flow }: State) {
    const { widgetId, timeZone } = options;
    const { t } = flow;
    const closeButton = onClose && (
      <button type="button" class="x" part="close" aria-label={t.close} onClick={onClose}>
        {CROSS}
      </button>
    );
    if (flow.step === "failed") {
      return (
        <div ref={this.root}>
          {closeButton}
          <Notice notice={flow.notice} t={t} />
        </div>
      );
    }
    if (flow.step === "loading") {
      return (
        <div aria-busy="true" part="loading">
          {closeButton}
          <Skeleton label={t.loading} />
        </div>
      );
    }
    const { widget, locale } = flow;
    const done = flow.step === "done" || flow.step === "cancelled";

    return (
      <div ref={this.root} lang={locale} dir={locale.startsWith("ar") ? "rtl" : undefined}>
        <p class="sr" role="status" aria-live="polite">
          {statusOf(flow)}
        </p>
        {closeButton}
        <header part="header">
          <h2 id="sb-title" part="title">
            {widget.title}
          </h2>
          {widget.description && !done && <p class="desc">{widget.description}</p>}
        </header>
        {flow.step === "pick" ? (
          <SlotPicker
            step={flow}
            timeZone={timeZone}
            onDay={(key) => this.go(chooseDay, key)}
            onSlot={(chosen) => {
              this.go(chooseSlot, chosen);
              emit(events, "slot-selected", { widgetId, slot: chosen });
              this.track("slot_selected");
            }}
            onNext={() => this.go(toForm)}
          />
        ) : flow.step === "form" ? (
          <BookingForm
            step={flow}
            timeZone={timeZone}
            onChangeSlot={() => this.go(toPick)}
            onEdit={this.edit}
            onSubmit={this.submit}
          />
        ) : (
          <Confirmation
            step={flow}
            timeZone={timeZone}
            calendarUrl={client.bookings.inviteUrl(flow.result.booking.id, { token: flow.result.manageToken })}
            onCancel={this.cancel}
            onAgain={() => {
              this.go(again);
              this.reloadSlots();
            }}
          />
        )}
      </div>
    );
  }
}
