/** @module The demo widget `wgt_demo` and a week of slots, created on an empty database so `npm start` shows something real. */
import * as z from "zod/mini";
import { widgetCreateSchema } from "../sdk/index.js";
import type { Deps } from "./domain/deps.js";
import { createSlots } from "./domain/slots.js";
import { createWidget } from "./domain/widgets.js";
import { UniqueViolationError } from "./store/types.js";

/** The id the demo page (`/demo`) shows by default. */
export const DEMO_WIDGET_ID = "wgt_demo";

// Three classes a day, morning, afternoon and evening in UTC, each 45 minutes for 8 people: a typical trial class.
const HOURS_UTC = [10, 14, 18];
const DURATION_MS = 45 * 60_000;
const SEATS = 8;
const DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Creates `wgt_demo` with its slots when the database has no widget at all; resolves to the number
 * of slots made, or 0 when nothing was seeded (not empty, or another instance seeded it first).
 * @example if (await seedDemo(deps)) console.log("seeded");
 */
export async function seedDemo(deps: Deps): Promise<number> {
  if ((await deps.store.listWidgets()).length > 0) return 0;
  const input = z.parse(widgetCreateSchema, {
    title: "Book a free demo class",
    description: "Try a 45-minute class with a teacher, free and without obligation. Pick a time that suits you.",
    allowedOrigins: ["*"],
    phone: "optional",
    successMessage: "We've saved your seat and will see you in class.",
  });
  try {
    await createWidget(deps, input, DEMO_WIDGET_ID);
  } catch (error) {
    // Two instances starting on one empty database both try; the primary key lets one win.
    if (error instanceof UniqueViolationError) return 0;
    throw error;
  }
  const now = deps.now().getTime();
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const starts: number[] = [];
  for (let day = 0; day <= DAYS; day++) {
    for (const hour of HOURS_UTC) {
      const start = today + day * DAY_MS + hour * 3_600_000;
      if (start > now && start <= now + DAYS * DAY_MS) starts.push(start);
    }
  }
  const slots = starts.map((start) => ({
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + DURATION_MS).toISOString(),
    capacity: SEATS,
  }));
  return (await createSlots(deps, DEMO_WIDGET_ID, slots)).length;
}
