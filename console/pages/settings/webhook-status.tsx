/** @module A webhook endpoint's events and status in words, for the list and the endpoint's page. */
import { h } from "preact";
import type { Webhook } from "../../../sdk/schemas/webhook.js";
import { Badge } from "../../ui/notice.js";
import { EVENTS } from "./webhook-form.js";

/** "All events" or the events' names, for a list cell. */
export function eventsText(events: readonly string[]): string {
  if (events.includes("*")) return "All events";
  return events.map((e) => EVENTS.find((x) => x.value === e)?.label ?? e).join(", ");
}

/** An endpoint's status as a badge. */
export function WebhookStatus({ webhook }: { webhook: Webhook }) {
  return webhook.status === "active" ? <Badge tone="good">Active</Badge> : <Badge tone="bad">Disabled</Badge>;
}
