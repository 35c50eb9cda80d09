/** @module The widget itself: loads the config and slots, then walks the visitor through pick → form → confirmation. */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { newIdempotencyKey } from "../../sdk/client/idempotency-key.js";
import type { SlotbookClient } from "../../sdk/client/public-client.js";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import type { BookingCreated } from "../../sdk/schemas/booking.js";
import type { Slot } from "../../sdk/schemas/slot.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import { type FieldErrors, type FormValues, toFieldErrors, validateBooking } from "../booking-request.js";
import { emit } from "../events.js";
import { firstOpenDay, formatSlot, groupByDay } from "../format-slot-time.js";
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

/** The widget's whole flow; every failure ends in a message with a way forward, never a blank box. */
export function BookingApp({ options, client, events, signal, onWidget, onClose, catalogues }: BookingAppProps) {
  const { widgetId, timeZone } = options;
  const [data, setData] = useState<Loaded>();
  const [loadFailed, setLoadFailed] = useState<NoticeState & { t: Messages }>();
  const [step, setStep] = useState<Step>("pick");
  const [dayKey, setDayKey] = useState<string>();
  const [slot, setSlot] = useState<Slot>();
  const [values, setValues] = useState<FormValues>({
    name: options.prefill.name ?? "",
    email: options.prefill.email ?? "",
    phone: options.prefill.phone ?? "",
    answers: {},
    consent: false,
    hp: "",
  });
  // The latest values, for a submit that fires before the next render (autofill then Enter).
  const latest = useRef(values);
  const setField = (field: string, value: string | boolean) => {
    const v = latest.current;
    const [head, key] = field.split(".");
    latest.current = key ? { ...v, answers: { ...v.answers, [key]: value } } : { ...v, [head!]: value };
    setValues(latest.current);
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BookingCreated>();
  const [status, setStatus] = useState("");
  const busyRef = useRef(false);
  // One key per distinct submission: retries of the same body reuse it, a changed body gets a new one.
  const attempt = useRef<{ key: string; body: string } | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const t = data?.t ?? en;

  /** Reports a failure to the page; true when the widget was unmounted meanwhile and should stay quiet. */
  const failed = (error: unknown) => {
    if (signal.aborted) return true;
    const known = error instanceof SlotbookError ? error : undefined;
    emit(events, "error", { widgetId, code: known?.code ?? "network_error", status: known?.status ?? 0 });
    return false;
  };

  const load = async () => {
    setLoadFailed(undefined);
    try {
      const [widget, slots] = await Promise.all([
        client.widgets.get(widgetId, { signal }),
        client.slots.list(widgetId, { signal }),
      ]);
      const { lang, locale } = resolveLocale(options.locale ?? widget.locale);
      const t = await loadMessages(lang, catalogues);
      onWidget(widget);
      setData({ widget, slots, t, locale });
      setDayKey(firstOpenDay(slots, timeZone));
      emit(events, "ready", { widgetId });
    } catch (error) {
      if (failed(error)) return;
      const t = await loadMessages(resolveLocale(options.locale).lang, catalogues);
      const { text, retry } = errorText(t, error);
      setLoadFailed({ t, text, retry: retry ? load : undefined });
    }
  };
  // Load once per mount; the retry button reloads.
  useEffect(() => {
    load();
  }, []);

  const reloadSlots = async () => {
    try {
      const slots = await client.slots.list(widgetId, { signal });
      setData((d) => d && { ...d, slots });
      setDayKey((key) =>
        slots.some((s) => s.remaining > 0 && groupByDay([s], timeZone)[0]!.key === key)
          ? key
          : firstOpenDay(slots, timeZone),
      );
    } catch (error) {
      failed(error);
    }
  };

  const closeButton = onClose && (
    <button type="button" class="x" part="close" aria-label={(data?.t ?? loadFailed?.t ?? en).close} onClick={onClose}>
      {CROSS}
    </button>
  );
  // Each step replaces the control that had focus: move it to where the visitor goes on, but never on first
  // render, where an inline widget must not pull focus away from the host page.
  const stepped = useRef(false);
  useEffect(() => {
    if (!stepped.current) {
      stepped.current = true;
      return;
    }
    const find = (selector: string) => root.current?.querySelector<HTMLElement>(selector);
    if (step === "form") find("#name")?.focus();
    if (step === "pick") (find('.times [tabindex="0"]') ?? find('.days [tabindex="0"]'))?.focus();
  }, [step]);

  const days = useMemo(() => groupByDay(data?.slots ?? [], timeZone), [data?.slots, timeZone]);

  if (loadFailed) {
    return (
      <div ref={root}>
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
  const extras = () => ({
    slotId: slot?.id ?? "",
    timezone: timeZone,
    locale,
    context: bookingContext(location.href, document.referrer),
  });

  const submit = async () => {
    if (busyRef.current || !slot) return;
    const checked = validateBooking(widget, latest.current, extras());
    setErrors(checked.errors);
    if (!checked.request) {
      setNotice({ text: t.errFix });
      requestAnimationFrame(() => root.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    const body = JSON.stringify(checked.request);
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    busyRef.current = true;
    setBusy(true);
    setNotice(undefined);
    setStatus(t.submitting);
    try {
      const created = await client.bookings.create(widget.id, checked.request, {
        idempotencyKey: attempt.current.key,
        signal,
      });
      attempt.current = undefined;
      setResult(created);
      setStep("done");
      setStatus(t.booked);
      const { id, startsAt, endsAt } = created.booking.slot;
      emit(events, "booked", { widgetId, bookingId: created.booking.id, slot: { id, startsAt, endsAt } });
      if (widget.redirectUrl && /^https?:\/\//.test(widget.redirectUrl)) options.navigate(widget.redirectUrl);
    } catch (error) {
      if (failed(error)) return;
      setStatus("");
      const { code, text, retry } = errorText(t, error);
      // A reused key means the body changed under it: the next try must be a new submission.
      if (code === "idempotency_key_reused") attempt.current = undefined;
      setNotice({ text, retry: retry ? submit : undefined });
      if (code === "validation_failed") setErrors(toFieldErrors((error as SlotbookError).issues));
      if (code === "slot_full" || code === "slot_unavailable") {
        setSlot(undefined);
        await reloadSlots(); // before the step changes, so focus lands on a time that is still open
        setStep("pick");
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!result || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setNotice(undefined);
    try {
      await client.bookings.cancel(result.booking.id, { token: result.manageToken, signal });
      setStep("cancelled");
      setStatus(t.cancelled);
    } catch (error) {
      if (!failed(error)) setNotice({ text: errorText(t, error).text, retry: cancel });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const chooseSlot = (chosen: Slot) => {
    setSlot(chosen);
    emit(events, "slot-selected", { widgetId, slot: chosen });
  };

  return (
    <div ref={root} lang={locale}>
      <p class="sr" role="status" aria-live="polite">
        {status}
      </p>
      {closeButton}
      <header part="header">
        <h2 id="sb-title" part="title">
          {widget.title}
        </h2>
        {widget.description && step !== "done" && step !== "cancelled" && <p class="desc">{widget.description}</p>}
      </header>
      {step === "done" || step === "cancelled" ? (
        <Confirmation
          t={t}
          when={formatSlot(result!.booking.slot, locale, timeZone)}
          result={result!}
          successMessage={widget.successMessage}
          calendarUrl={client.bookings.inviteUrl(result!.booking.id, { token: result!.manageToken })}
          cancelled={step === "cancelled"}
          busy={busy}
          notice={notice}
          onCancel={cancel}
          onAgain={() => {
            setResult(undefined);
            setSlot(undefined);
            setNotice(undefined);
            setStep("pick");
            reloadSlots();
          }}
        />
      ) : step === "pick" || !slot ? (
        <SlotPicker
          t={t}
          locale={locale}
          timeZone={timeZone}
          days={days}
          dayKey={dayKey}
          slotId={slot?.id}
          notice={notice}
          onDay={(key) => {
            setDayKey(key);
            setSlot(undefined);
          }}
          onSlot={chooseSlot}
          onNext={() => {
            setNotice(undefined);
            setStep("form");
          }}
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
          onChangeSlot={() => setStep("pick")}
          onChange={setField}
          onSubmit={submit}
        />
      )}
    </div>
  );
}
