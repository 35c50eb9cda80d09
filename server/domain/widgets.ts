/** @module Widgets: create, read, update, delete, and the public view a visitor's browser gets. */

import * as z from "zod/mini";
import type { output } from "zod/v4/core";
import {
  type PublicWidget,
  publicWidgetSchema,
  type Widget,
  type widgetCreateSchema,
  type widgetUpdateSchema,
} from "../../sdk/index.js";
import { newId } from "../ids.js";
import { countryOfZone, hasNumberingPlan, phoneExample } from "../phone/index.js";
import type { WidgetRow } from "../store/types.js";
import type { Deps } from "./deps.js";
import { DomainError, validationFailed } from "./domain-error.js";

type WidgetSettings = Omit<Widget, "id" | "status" | "createdAt" | "updatedAt">;

/** The widget as stored: `phoneCountry` only where the admin set one, no `phoneExample`. */
function storedWidget(row: WidgetRow): Widget {
  const settings = JSON.parse(row.config) as WidgetSettings;
  return { id: row.id, ...settings, status: row.status, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/**
 * Row → API object, with the phone country in force: the admin's, or the time zone's (so it follows the zone until
 * one is set), and an example number of that country for the phone field's hint.
 */
export function toWidget(row: WidgetRow): Widget {
  const { phoneCountry, ...widget } = storedWidget(row);
  const country = phoneCountry ?? countryOfZone(widget.timezone);
  const example = phoneExample(country);
  return { ...widget, ...(country && { phoneCountry: country }), ...(example && { phoneExample: example }) };
}

/** A phone country without a numbering plan (`AQ`, or a code that is no country) is refused as an invalid field. */
function checkPhoneCountry(country: string | null | undefined): void {
  if (country && !hasNumberingPlan(country))
    throw validationFailed([
      { path: ["phoneCountry"], code: "custom", message: `No phone numbering plan is known for ${country}` },
    ]);
}

/** Each widget object's public view, made once: `findActiveWidget` hands out the same object for a second. */
const publicViews = new WeakMap<Widget, PublicWidget>();

/**
 * The part of a widget any visitor may see. An allow-list: parsing with the public schema drops every key it does
 * not name (nested ones too), so a field added to the admin config later stays private until the contract says so.
 */
export function toPublicWidget(widget: Widget): PublicWidget {
  let view = publicViews.get(widget);
  if (view === undefined) {
    view = z.parse(publicWidgetSchema, widget);
    publicViews.set(widget, view);
  }
  return view;
}

function settingsOf(widget: Omit<Widget, "id" | "createdAt" | "updatedAt">): string {
  const { status, ...settings } = widget;
  return JSON.stringify(settings);
}

/** Create a widget from a validated create body. */
export async function createWidget(
  deps: Deps,
  input: output<typeof widgetCreateSchema>,
  id = newId("wgt"),
): Promise<Widget> {
  checkPhoneCountry(input.phoneCountry);
  const now = deps.now().toISOString();
  const row: WidgetRow = { id, status: input.status, config: settingsOf(input), createdAt: now, updatedAt: now };
  await deps.store.insertWidget(row);
  // A public request for this id just before it existed must not see it as unknown for another second.
  forgetActiveWidget(deps, id);
  return toWidget(row);
}

/** Every widget, for the admin. */
export async function listWidgets(deps: Deps): Promise<Widget[]> {
  return (await deps.store.listWidgets()).map(toWidget);
}

/** One widget for the admin; 404 when unknown. */
export async function getWidget(deps: Deps, id: string): Promise<Widget> {
  const row = await deps.store.getWidget(id);
  if (!row) throw new DomainError("not_found", `No widget ${id}`);
  return toWidget(row);
}

/**
 * 1 s: how long this process answers a widget's public routes from memory. An edit or pause made through this
 * process applies at once (it forgets the entry); one made through another instance of a fleet reaches this one
 * within a second. A booking's own write checks the widget's status in the database as well.
 */
const ACTIVE_WIDGET_MS = 1000;
/** Entries kept at most per store; past that the map starts again (a flood of made-up ids cannot grow it). */
const ACTIVE_WIDGET_ENTRIES = 10_000;
/** A widget's read, under way or done, good until `until`. */
interface ActiveWidgetEntry {
  read: Promise<Widget | undefined>;
  until: number;
}
const activeWidgets = new WeakMap<Deps["store"], Map<string, ActiveWidgetEntry>>();

function activeWidgetCache(deps: Deps) {
  let cache = activeWidgets.get(deps.store);
  if (!cache) {
    cache = new Map();
    activeWidgets.set(deps.store, cache);
  }
  return cache;
}

/**
 * A widget visitors may use: unknown and paused widgets are both 404. Read at most once a second per process, and
 * once at a time: the requests that arrive while a read is under way wait for it (a busy widget's entry running out
 * would otherwise send every request in flight to the database at once). A failed read is not kept.
 */
export async function findActiveWidget(deps: Deps, id: string): Promise<Widget | undefined> {
  const cache = activeWidgetCache(deps);
  // The process's own monotonic clock, not `deps.now`: the entry's age, whatever time the app is told it is.
  const now = performance.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.read;
  const entry: ActiveWidgetEntry = {
    read: deps.store.getWidget(id).then(
      (row) => (row && row.status === "active" ? toWidget(row) : undefined),
      (error: unknown) => {
        if (cache.get(id) === entry) cache.delete(id);
        throw error;
      },
    ),
    until: now + ACTIVE_WIDGET_MS,
  };
  if (cache.size >= ACTIVE_WIDGET_ENTRIES) cache.clear();
  cache.set(id, entry);
  return entry.read;
}

/** Forget what `findActiveWidget` remembers of a widget this process just changed. */
function forgetActiveWidget(deps: Deps, id: string): void {
  activeWidgets.get(deps.store)?.delete(id);
}

/**
 * Apply a validated patch; `null` clears an optional field. Read, merge and write happen in one transaction that
 * first locks the row (a write, so concurrent PATCHes on PostgreSQL queue up instead of each merging into the
 * same old state and the last one silently undoing the others).
 */
export async function updateWidget(deps: Deps, id: string, patch: output<typeof widgetUpdateSchema>): Promise<Widget> {
  checkPhoneCountry(patch.phoneCountry);
  const now = deps.now().toISOString();
  return deps.store
    .transaction(async (tx) => {
      const locked = await tx.updateWidget(id, { updatedAt: now });
      if (!locked) throw new DomainError("not_found", `No widget ${id}`);
      // The stored settings, not the API view: a phone country taken from the zone stays a default, not a setting.
      const merged: Record<string, unknown> = { ...storedWidget(locked) };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      const { id: _id, createdAt, updatedAt, ...next } = merged as Widget;
      const row = await tx.updateWidget(id, { status: next.status, config: settingsOf(next), updatedAt: now });
      return toWidget(row!);
    })
    .finally(() => forgetActiveWidget(deps, id));
}

/** Delete a widget with its slots and bookings. */
export async function deleteWidget(deps: Deps, id: string): Promise<void> {
  forgetActiveWidget(deps, id);
  if (!(await deps.store.deleteWidget(id))) throw new DomainError("not_found", `No widget ${id}`);
  forgetActiveWidget(deps, id);
}
