/** @module What a booking caused: its emails (to the visitor, to the team) and webhook deliveries, and how each went. */
import { h } from "preact";
import type { BookingMessage, Webhook } from "../../../sdk/schemas/webhook.js";
import { formatDateTime, plural, relativeTime } from "../../format.js";
import { Icon } from "../../ui/icons.js";
import { Badge } from "../../ui/notice.js";

const KIND: Record<BookingMessage["type"], string> = {
  "booking.created": "Booking confirmation",
  "booking.rescheduled": "Reschedule notice",
  "booking.cancelled": "Cancellation",
  "booking.erased": "Erasure notice",
  "slot.cancelled": "Class cancelled",
  "webhook.test": "Test event",
  reminder: "Reminder",
};

/** "Booking confirmation to the visitor", "booking.created to https://crm.example/hook". */
export function messageTitle(message: BookingMessage, webhooks: readonly Webhook[] = []): string {
  if (message.channel === "email") {
    return `${KIND[message.type]} email to ${message.audience === "team" ? "the team" : "the visitor"}`;
  }
  const url = webhooks.find((w) => w.id === message.webhookId)?.url;
  return `Webhook ${message.type} to ${url ?? message.webhookId ?? "an endpoint"}`;
}

/** The status of one message in words, with what happens next. */
export function messageStatus(
  message: BookingMessage,
  now = Date.now(),
): { tone: "good" | "bad" | "warn" | "muted"; text: string } {
  switch (message.status) {
    case "delivered":
      return { tone: "good", text: message.channel === "email" ? "Sent" : "Delivered" };
    case "failed":
      return { tone: "bad", text: "Failed" };
    case "dropped":
      return { tone: "muted", text: "Not sent: the booking changed first" };
    default:
      return {
        tone: "warn",
        text: new Date(message.dueAt).getTime() > now ? `Due ${relativeTime(message.dueAt, now)}` : "Sending",
      };
  }
}

/** The list of a booking's messages, oldest first. */
export function BookingMessages({
  messages,
  webhooks,
}: {
  messages: readonly BookingMessage[];
  webhooks: readonly Webhook[];
}) {
  if (messages.length === 0) return <p class="muted">No emails or webhook deliveries for this booking.</p>;
  return (
    <ol class="timeline">
      {messages.map((message) => {
        const status = messageStatus(message);
        return (
          <li key={message.id} class="timeline-item">
            <span class="timeline-icon" aria-hidden="true">
              <Icon name={message.channel === "email" ? "mail" : "webhook"} size={16} />
            </span>
            <div class="timeline-body">
              <p class="row-between">
                <span class="cell-strong">{messageTitle(message, webhooks)}</span>
                <Badge tone={status.tone}>{status.text}</Badge>
              </p>
              <p class="muted small">
                {formatDateTime(message.createdAt)}
                {message.attempts > 0 && ` · ${plural(message.attempts, "attempt")}`}
                {message.lastStatus !== undefined && ` · answered ${message.lastStatus}`}
              </p>
              {message.lastError && <p class="small timeline-error">{message.lastError}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
