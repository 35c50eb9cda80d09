/**
 * @module A developer's own booking form on the typed SDK: lists the widget's slots in a `<select>`, books with
 * `client.bookings.create`, shows field errors from `SlotbookError.issues` and the confirmation with its links.
 */
import { createClient, type Slot, SlotbookError } from "slotbook/sdk";

const form = document.querySelector<HTMLFormElement>("#booking")!;
const select = form.querySelector<HTMLSelectElement>("#slot")!;
const button = form.querySelector<HTMLButtonElement>("button")!;
const status = document.querySelector<HTMLElement>("#status")!;
const query = new URLSearchParams(location.search);
const baseUrl = query.get("api") ?? form.dataset.api!;
const widgetId = query.get("widget") ?? form.dataset.widget!;

const client = createClient({ baseUrl });
// One key per attempt to book: a resubmit after a lost answer then cannot book twice. A new one after success.
let idempotencyKey = crypto.randomUUID();

const when = (slot: Pick<Slot, "startsAt">) =>
  new Date(slot.startsAt).toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });

async function loadSlots(): Promise<void> {
  const slots = await client.slots.list(widgetId);
  const open = slots.filter((slot) => slot.remaining > 0);
  select.replaceChildren(
    ...open.map((slot) => new Option(`${when(slot)} (${slot.remaining} left)`, slot.id)),
    ...(open.length === 0 ? [new Option("No free times right now", "")] : []),
  );
}

function link(id: string, text: string, href: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.id = id;
  a.href = href;
  a.textContent = text;
  return a;
}

function showFieldErrors(issues: SlotbookError["issues"]): void {
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const target = document.querySelector(`#${field === "slotId" ? "slot" : field}-error`);
    if (target) target.textContent = issue.message;
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  for (const p of form.querySelectorAll(".error")) p.textContent = "";
  const data = new FormData(form);
  const phone = String(data.get("phone") ?? "").trim();
  button.disabled = true;
  status.textContent = "Booking…";
  try {
    const { booking, manageToken, manageUrl } = await client.bookings.create(
      widgetId,
      {
        slotId: String(data.get("slotId")),
        name: String(data.get("name")),
        email: String(data.get("email")),
        ...(phone ? { phone } : {}),
      },
      { idempotencyKey },
    );
    idempotencyKey = crypto.randomUUID();
    form.hidden = true;
    document.querySelector("#confirmation-text")!.textContent = `See you on ${when(booking.slot)}.`;
    const invite = link("invite", "Add to calendar", client.bookings.inviteUrl(booking.id, { token: manageToken }));
    document.querySelector("#links")!.replaceChildren(invite, " · ", link("manage", "Change or cancel", manageUrl));
    document.querySelector<HTMLElement>("#confirmation")!.hidden = false;
  } catch (error) {
    if (!(error instanceof SlotbookError)) throw error;
    // A 409 is a final answer for this body; the next try is a new attempt. After a network error, keep the key.
    if (error.status === 409) idempotencyKey = crypto.randomUUID();
    // `code` is stable, so branch on it; `title`/`detail` are for humans.
    if (error.code === "validation_failed") {
      showFieldErrors(error.issues);
      status.textContent = "Please check the fields marked above.";
    } else if (error.code === "slot_full" || error.code === "slot_unavailable") {
      status.textContent = "That time was just taken. Please pick another one.";
      await loadSlots();
    } else if (error.code === "already_booked") {
      status.textContent = "You already have a seat in that class.";
    } else {
      status.textContent = `Sorry, booking failed (${error.code}). Please try again.`;
    }
  } finally {
    button.disabled = false;
  }
});

loadSlots().catch((error: unknown) => {
  status.textContent = error instanceof SlotbookError ? `Could not load times (${error.code}).` : String(error);
});
