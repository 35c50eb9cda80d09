/**
 * @module What an agency automates: create a booking widget and a week of class slots with the admin SDK, then print
 * the snippet to paste into the client's site.
 *
 * Run (after `npm run build`, with a server running):
 *   SLOTBOOK_URL=http://localhost:8787 SLOTBOOK_API_KEY=sk_… node examples/sdk-node/create-widget.mjs "Salsa trial class"
 */
import { createAdminClient, SlotbookError } from "slotbook/sdk";

const baseUrl = process.env.SLOTBOOK_URL ?? "http://localhost:8787";
const apiKey = process.env.SLOTBOOK_API_KEY;
if (!apiKey) {
  console.error("Set SLOTBOOK_API_KEY to an admin key (`slotbook keys create`, or the server's SLOTBOOK_ADMIN_KEY).");
  process.exit(2);
}
const title = process.argv[2] ?? "Free demo class";
// The client's site, e.g. https://salsa.example; unset allows any site to embed the widget.
const origin = process.env.SITE_ORIGIN;
// 18:00 UTC, one hour, 8 seats: an evening class for a small studio; change to taste.
const START_HOUR_UTC = 18;
const MINUTES = 60;
const SEATS = 8;
const DAYS = 7;

const admin = createAdminClient({ baseUrl, apiKey });

/** One slot a day at START_HOUR_UTC, starting tomorrow. */
function weekOfSlots() {
  const day = new Date();
  day.setUTCHours(START_HOUR_UTC, 0, 0, 0);
  return Array.from({ length: DAYS }, (_, i) => {
    const startsAt = new Date(day.getTime() + (i + 1) * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + MINUTES * 60_000);
    return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: SEATS };
  });
}

try {
  const widget = await admin.widgets.create({
    title,
    timezone: "Europe/Berlin",
    phone: "required",
    ...(origin ? { allowedOrigins: [origin] } : {}),
  });
  const slots = await admin.slots.create(widget.id, weekOfSlots());
  console.log(`Created widget ${widget.id} "${widget.title}" with ${slots.length} slots:`);
  for (const slot of slots) console.log(`  ${slot.id}  ${slot.startsAt}  ${slot.capacity} seats`);
  console.log("\nPaste this where the booking form should appear:\n");
  console.log(`<div data-slotbook="${widget.id}"></div>`);
  console.log(`<script async src="${baseUrl.replace(/\/+$/, "")}/widget.js"></script>`);
} catch (error) {
  if (error instanceof SlotbookError) {
    // `code` is stable (unauthorized, validation_failed, …); `issues` says which field was wrong.
    console.error(`Slotbook said ${error.code}: ${error.detail ?? error.title}`);
    for (const issue of error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  throw error;
}
