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
import { formatSlot, groupByDay } from "../format-slot-time.js";
import { en, type Messages } from "../i18n/en.js";
import { type CatalogueLoader, fill, loadMessages, resolveLocale } from "../i18n/messages.js";
import type { ResolvedOptions } from "../options.js";
import { bookingContext } from "../page-context.js";
import { BookingForm } from "./booking-form.js";
import { Confirmation } from "./confirmation.js";
import { Notice, type NoticeState } from "./notice.js";
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

/** The first day that still has a free seat, so the visitor sees a choosable time at once. */
function firstOpenDay(slots: Slot[], timeZone: string): string | undefined {
  return groupByDay(slots, timeZone).find((d) => d.slots.some((s) => s.remaining > 0))?.key;
}

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

  const failed = (error: unknown) => {
    if (signal.aborted) return undefined;
    const known = error instanceof SlotbookError ? error : undefined;
    emit(events, "error", { widgetId, code: known?.code ?? "network_error", status: known?.status ?? 0 });
    return known?.code;
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
      const code = failed(error);
      if (signal.aborted) return;
      const t = await loadMessages(resolveLocale(options.locale).lang, catalogues);
      const final = code === "not_found" || code === "origin_not_allowed";
      setLoadFailed({
        t,
        text: code === "not_found" ? t.errNotFound : code === "origin_not_allowed" ? t.errOrigin : t.errNetwork,
        retry: final ? undefined : load,
      });
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
        <div class="sk" />
        <div class="sk" />
        <div class="sk" />
        <p class="sr" role="status">
          {t.loading}
        </p>
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
      const code = failed(error);
      if (signal.aborted) return;
      setStatus("");
      if (code === "slot_full" || code === "slot_unavailable") {
        setNotice({ text: code === "slot_full" ? t.errFull : t.errGone });
        setSlot(undefined);
        await reloadSlots(); // before the step changes, so focus lands on a time that is still open
        setStep("pick");
      } else if (code === "validation_failed" && error instanceof SlotbookError) {
        setErrors(toFieldErrors(error.issues));
        setNotice({ text: t.errFix });
      } else if (code === "already_booked") setNotice({ text: t.errAlready });
      else if (code === "origin_not_allowed") setNotice({ text: t.errOrigin });
      else if (code === "not_found") setNotice({ text: t.errNotFound });
      else {
        // A reused key means the body changed under it: the next try must be a new submission.
        if (code === "idempotency_key_reused") attempt.current = undefined;
        const wait = error instanceof SlotbookError && code === "rate_limited" ? error.retryAfter : undefined;
        setNotice({ text: code === "rate_limited" ? fill(t.errRate, { s: wait ?? 60 }) : t.errNetwork, retry: submit });
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
      failed(error);
      if (!signal.aborted) setNotice({ text: t.errNetwork, retry: cancel });
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
        days.length === 0 ? (
          <p class="empty">{t.none}</p>
        ) : (
          <>
            <Notice notice={notice} t={t} />
            <SlotPicker
              t={t}
              locale={locale}
              timeZone={timeZone}
              days={days}
              dayKey={dayKey}
              slotId={slot?.id}
              onDay={(key) => {
                setDayKey(key);
                setSlot(undefined);
              }}
              onSlot={chooseSlot}
            />
            <button
              type="button"
              class="btn primary"
              part="button next"
              disabled={!slot}
              onClick={() => {
                setNotice(undefined);
                setStep("form");
              }}
            >
              {t.next}
            </button>
          </>
        )
      ) : (
        <>
          <div class="summary" part="summary">
            <span>{formatSlot(slot, locale, timeZone)}</span>
            <button type="button" class="link" onClick={() => setStep("pick")}>
              {t.change}
            </button>
          </div>
          <BookingForm
            t={t}
            widget={widget}
            values={values}
            errors={errors}
            busy={busy}
            notice={notice}
            onChange={setField}
            onSubmit={submit}
          />
        </>
      )}
    </div>
  );
}
