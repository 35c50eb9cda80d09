/** @module The widget itself: loads the config and slots, then walks the visitor through pick → form → confirmation. */
import { Component, createRef, h } from "preact";
import { newIdempotencyKey } from "../../sdk/client/idempotency-key.js";
import type { SlotbookClient } from "../../sdk/client/public-client.js";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import type { BookingCreated } from "../../sdk/schemas/booking.js";
import type { Slot } from "../../sdk/schemas/slot.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import { type FieldErrors, type FormValues, toFieldErrors, validateBooking } from "../booking-request.js";
import { emit } from "../events.js";
import { firstOpenDay, formatSlot, groupByDay, zoneName } from "../format-slot-time.js";
import { en, type Messages } from "../i18n/en.js";
import { errorText } from "../i18n/error-text.js";
import { type CatalogueLoader, loadMessages, resolveLocale } from "../i18n/messages.js";
import type { ResolvedOptions } from "../options.js";
import { bookingContext } from "../page-context.js";
import { BookingForm } from "./booking-form.js";
import { Confirmation } from "./confirmation.js";
import { Notice, type NoticeState, Skeleton } from "./notice.js";
import { SlotPicker } from "./slot-picker.js";

type Step = "pick" | "form" | "done" | "cancelled";
interface Loaded {
  widget: PublicWidget;
  slots: Slot[];
  t: Messages;
  locale: string;
}

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
  data?: Loaded | undefined;
  loadFailed?: (NoticeState & { t: Messages }) | undefined;
  step: Step;
  dayKey?: string | undefined;
  slot?: Slot | undefined;
  values: FormValues;
  errors: FieldErrors;
  notice?: NoticeState | undefined;
  busy: boolean;
  result?: BookingCreated | undefined;
  status: string;
}

/**
 * The widget's whole flow; every failure ends in a message with a way forward, never a blank box.
 * A class rather than hooks: the widget then needs no `preact/hooks`, about 1 kB gzipped of the embed script.
 */
export class BookingApp extends Component<BookingAppProps, State> {
  override state: State = {
    step: "pick",
    values: { name: "", email: "", phone: "", ...this.props.options.prefill, answers: {}, consent: false, hp: "" },
    errors: {},
    busy: false,
    status: "",
  };
  /** The latest values, for a submit that fires before the next render (autofill then Enter). */
  latest = this.state.values;
  /** Set while a booking or cancel call runs: a second click must not start another. */
  running = false;
  /** One key per distinct submission: retries of the same body reuse it, a changed body gets a new one. */
  attempt: { key: string; body: string } | undefined;

  setField = (field: string, value: string | boolean) => {
    const v = this.latest;
    const [head, key] = field.split(".");
    this.latest = key ? { ...v, answers: { ...v.answers, [key]: value } } : { ...v, [head!]: value };
    this.setState({ values: this.latest });
    this.recheck(field, false);
  };

  /** A text field was left holding a value: the earliest moment a new error may appear under it. */
  blurred = (field: string) => this.recheck(field, true);

  /** The form as the server will check it, for the chosen slot. */
  check() {
    const { widget, locale } = this.state.data!;
    return validateBooking(widget, this.latest, {
      slotId: this.state.slot!.id,
      timezone: this.props.options.timeZone,
      locale,
      context: bookingContext(location.href, document.referrer),
    });
  }

  /**
   * Checks one field again. An error already shown follows the value (gone as soon as it is valid); a new error
   * appears only when `show` (on blur), never while the visitor is still typing into a field without one.
   */
  recheck(field: string, show: boolean) {
    this.setState(({ errors, notice, data }) => {
      if (!show && !errors[field]) return null;
      const next = { ...errors };
      const error = this.check().errors[field];
      if (error) next[field] = error;
      else delete next[field];
      // "Please check the highlighted fields" goes once nothing is highlighted any more.
      return { errors: next, notice: notice?.text === data!.t.errFix && !Object.keys(next)[0] ? undefined : notice };
    });
  }

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
    this.setState({ loadFailed: undefined });
    try {
      const [widget, slots] = await Promise.all([
        client.widgets.get(widgetId, { signal }),
        client.slots.list(widgetId, { signal }),
      ]);
      const { lang, locale } = resolveLocale(options.locale ?? widget.locale);
      const t = await loadMessages(lang, catalogues);
      onWidget(widget);
      this.setState({ data: { widget, slots, t, locale }, dayKey: firstOpenDay(slots, timeZone) });
      emit(events, "ready", { widgetId });
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
      this.setState({ loadFailed: { t, text, retry: retry ? this.load : undefined } });
    }
  };

  async reloadSlots() {
    const { options, client, signal } = this.props;
    const { widgetId, timeZone } = options;
    try {
      const slots = await client.slots.list(widgetId, { signal });
      this.setState(({ data, dayKey }) => ({
        data: data && { ...data, slots },
        dayKey: slots.some((s) => s.remaining > 0 && groupByDay([s], timeZone)[0]!.key === dayKey)
          ? dayKey
          : firstOpenDay(slots, timeZone),
      }));
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

  // Each step replaces the control that had focus: move it to where the visitor goes on. Not on first render
  // (componentDidUpdate never runs for it), where an inline widget must not pull focus away from the host page.
  override componentDidUpdate(_: BookingAppProps, previous: State) {
    const { step } = this.state;
    if (step === previous.step) return;
    if (step === "form") this.find("#name")?.focus();
    if (step === "pick") (this.find('.times [tabindex="0"]') ?? this.find('.days [tabindex="0"]'))?.focus();
  }

  submit = async () => {
    const { options, client, events, signal } = this.props;
    const { data, slot } = this.state;
    if (this.running || !slot || !data) return;
    const { widget, t } = data;
    const checked = this.check();
    this.setState({ errors: checked.errors });
    if (!checked.request) {
      this.setState({ notice: { text: t.errFix } });
      requestAnimationFrame(() => this.find("[aria-invalid=true]")?.focus());
      return;
    }
    const body = JSON.stringify(checked.request);
    if (this.attempt?.body !== body) this.attempt = { key: newIdempotencyKey(), body };
    this.running = true;
    this.setState({ busy: true, notice: undefined, status: t.submitting });
    try {
      const created = await client.bookings.create(widget.id, checked.request, {
        idempotencyKey: this.attempt.key,
        signal,
      });
      this.attempt = undefined;
      this.setState({ result: created, step: "done", status: t.booked });
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
      this.setState({ status: "", notice: { text, retry: retry ? this.submit : undefined } });
      if (code === "validation_failed") this.setState({ errors: toFieldErrors((error as SlotbookError).issues) });
      if (code === "slot_full" || code === "slot_unavailable") {
        this.setState({ slot: undefined });
        await this.reloadSlots(); // before the step changes, so focus lands on a time that is still open
        this.setState({ step: "pick" });
      }
    } finally {
      this.running = false;
      this.setState({ busy: false });
    }
  };

  cancel = async () => {
    const { client, signal } = this.props;
    const { result, data } = this.state;
    if (!result || !data || this.running) return;
    this.running = true;
    this.setState({ busy: true, notice: undefined });
    try {
      await client.bookings.cancel(result.booking.id, { token: result.manageToken, signal });
      this.setState({ step: "cancelled", status: data.t.cancelled });
    } catch (error) {
      if (!this.failed(error)) this.setState({ notice: { text: errorText(data.t, error).text, retry: this.cancel } });
    } finally {
      this.running = false;
      this.setState({ busy: false });
    }
  };

  override render(
    { options, client, events, onClose }: BookingAppProps,
    { data, loadFailed, step, dayKey, slot, values, errors, notice, busy, result, status }: State,
  ) {
    const { widgetId, timeZone } = options;
    const t = data?.t ?? loadFailed?.t ?? en;
    const closeButton = onClose && (
      <button type="button" class="x" part="close" aria-label={t.close} onClick={onClose}>
        {CROSS}
      </button>
    );
    if (loadFailed) {
      return (
        <div ref={this.root}>
          {closeButton}
          <Notice notice={loadFailed} t={loadFailed.t} />
        </div>
      );
    }
    if (!data) {
      return (
        <div aria-busy="true" part="loading">
          {closeButton}
          <Skeleton label={t.loading} />
        </div>
      );
    }
    const { widget, locale } = data;
    const done = step === "done" || step === "cancelled";

    return (
      <div ref={this.root} lang={locale}>
        <p class="sr" role="status" aria-live="polite">
          {status}
        </p>
        {closeButton}
        <header part="header">
          <h2 id="sb-title" part="title">
            {widget.title}
          </h2>
          {widget.description && !done && <p class="desc">{widget.description}</p>}
        </header>
        {done ? (
          <Confirmation
            t={t}
            when={formatSlot(result!.booking.slot, locale, timeZone)}
            zone={zoneName(locale, timeZone, new Date(result!.booking.slot.startsAt))}
            result={result!}
            successMessage={widget.successMessage}
            calendarUrl={client.bookings.inviteUrl(result!.booking.id, { token: result!.manageToken })}
            cancelled={step === "cancelled"}
            busy={busy}
            notice={notice}
            onCancel={this.cancel}
            onAgain={() => {
              this.setState({ result: undefined, slot: undefined, notice: undefined, step: "pick" });
              this.reloadSlots();
            }}
          />
        ) : step === "pick" || !slot ? (
          <SlotPicker
            t={t}
            locale={locale}
            timeZone={timeZone}
            days={groupByDay(data.slots, timeZone)}
            dayKey={dayKey}
            slotId={slot?.id}
            notice={notice}
            onDay={(key) => this.setState({ dayKey: key, slot: undefined })}
            onSlot={(chosen) => {
              this.setState({ slot: chosen });
              emit(events, "slot-selected", { widgetId, slot: chosen });
            }}
            onNext={() => this.setState({ notice: undefined, step: "form" })}
          />
        ) : (
          <BookingForm
            t={t}
            widget={widget}
            when={formatSlot(slot, locale, timeZone)}
            values={values}
            errors={errors}
            busy={busy}
            notice={notice}
            onChangeSlot={() => this.setState({ step: "pick" })}
            onChange={this.setField}
            onBlur={this.blurred}
            onSubmit={this.submit}
          />
        )}
      </div>
    );
  }
}
