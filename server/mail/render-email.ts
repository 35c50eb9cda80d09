/** @module An outbox email's facts → the message: subject, text and HTML in the booking's language, and its iMIP invite. */
import { buildInvite } from "../ics/index.js";
import type { OutboxEvent } from "../store/types.js";
import type { EmailFacts } from "./email-facts.js";
import { formatTime } from "./format-time.js";
import { type HtmlEmail, renderHtml } from "./html-layout.js";
import { fill, type MessageKind, messagesFor } from "./messages.js";

/** A message ready for the transport. */
export interface RenderedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  language: string;
  /** The `text/calendar` part; `method` goes into its MIME type too (Gmail keeps the event without it). */
  invite?: { method: "REQUEST" | "CANCEL"; content: string };
}

/** Who sends, for the invite's ORGANIZER when the widget names none. */
export interface RenderContext {
  from: { name: string; address: string };
  now: Date;
}

const VISITOR_KIND: Partial<Record<OutboxEvent, MessageKind>> = {
  "booking.created": "confirmation",
  "booking.rescheduled": "rescheduled",
  "booking.cancelled": "cancelled",
  "slot.cancelled": "slotCancelled",
  reminder: "reminder",
};
const TEAM_KIND: Partial<Record<OutboxEvent, MessageKind>> = {
  "booking.created": "teamNew",
  "booking.cancelled": "teamCancelled",
  "slot.cancelled": "teamCancelled",
};

/** Renders the email an outbox row of `event` stands for; throws for a combination no change writes. */
export function renderEmail(event: OutboxEvent, facts: EmailFacts, context: RenderContext): RenderedEmail {
  const kind = (facts.audience === "team" ? TEAM_KIND : VISITOR_KIND)[event];
  if (!kind) throw new TypeError(`No ${facts.audience} email for ${event}`);
  const { messages: m, language } = messagesFor(facts.locale);
  const when = formatTime(facts.slot, language, facts.timeZone);
  const values = {
    title: facts.widgetTitle,
    name: facts.attendee.name,
    short: when.short,
    by: facts.cancelledBy ? m.cancelledBy[facts.cancelledBy] : "",
  };
  const details: HtmlEmail["details"] = [{ label: m.when, value: `${when.date}\n${when.time}`, muted: when.zone }];
  if (facts.previousSlot) {
    const before = formatTime(facts.previousSlot, language, facts.timeZone);
    details.push({ label: m.before, value: `${before.date}, ${before.time}` });
  }
  if (facts.location) details.push({ label: m.where, value: facts.location });
  if (facts.audience === "team") details.push(...attendeeDetails(facts, m));

  const cancelled = kind === "cancelled" || kind === "slotCancelled";
  const button =
    kind === "slotCancelled"
      ? facts.rebookUrl && { label: m.rebook, url: facts.rebookUrl }
      : !cancelled && facts.audience === "visitor" && facts.manageUrl
        ? { label: m.manage, url: facts.manageUrl }
        : undefined;
  const invite = facts.audience === "visitor" && kind !== "reminder" ? inviteFor(facts, cancelled, context) : undefined;
  const email: HtmlEmail = {
    language,
    title: facts.widgetTitle,
    heading: m.heading[kind],
    intro: fill(m.intro[kind], values),
    details,
    ...(button ? { button } : {}),
    ...(invite?.method === "REQUEST" ? { note: m.calendar } : {}),
    footer: fill(facts.audience === "team" ? m.footerTeam : m.footerVisitor, values),
  };
  return {
    to: facts.to,
    subject: fill(m.subject[kind], values),
    text: renderText(email),
    html: renderHtml(email),
    language,
    ...(invite ? { invite } : {}),
  };
}

function attendeeDetails(facts: EmailFacts, m: ReturnType<typeof messagesFor>["messages"]): HtmlEmail["details"] {
  const a = facts.attendee;
  const rows: HtmlEmail["details"] = [
    { label: m.name, value: a.name },
    { label: m.email, value: a.email },
  ];
  if (a.phone) rows.push({ label: m.phone, value: a.phone });
  const answers = Object.entries(a.answers ?? {});
  if (answers.length > 0) {
    const text = answers.map(([k, v]) => `${k}: ${typeof v === "boolean" ? (v ? m.yes : m.no) : v}`).join("\n");
    rows.push({ label: m.answers, value: text });
  }
  if (a.pageUrl) rows.push({ label: m.page, value: a.pageUrl });
  if (a.utmSource) rows.push({ label: m.source, value: a.utmSource });
  return rows;
}

function inviteFor(facts: EmailFacts, cancelled: boolean, context: RenderContext): RenderedEmail["invite"] {
  const method = cancelled ? "CANCEL" : "REQUEST";
  const organizer = facts.organizer ?? { name: facts.widgetTitle, email: context.from.address };
  const content = buildInvite({
    // One UID per booking, the same as the downloadable invite.ics, so every update lands on one event.
    uid: `${facts.bookingId}@slotbook`,
    start: facts.slot.startsAt,
    end: facts.slot.endsAt,
    summary: facts.widgetTitle,
    description: facts.manageUrl && !cancelled ? facts.manageUrl : undefined,
    location: facts.location,
    url: cancelled ? undefined : facts.manageUrl,
    organizer,
    attendee: { name: facts.attendee.name, email: facts.attendee.email },
    method,
    sequence: facts.sequence,
    now: context.now,
  });
  return { method, content };
}

/** The plain-text part: the same content, readable in any client and by screen readers. */
function renderText(email: HtmlEmail): string {
  const lines = [email.heading, "", email.intro, ""];
  for (const { label, value, muted } of email.details) {
    lines.push(`${label}: ${value.replace(/\n/g, ", ")}${muted ? ` (${muted})` : ""}`);
  }
  if (email.button) lines.push("", `${email.button.label}: ${email.button.url}`);
  if (email.note) lines.push("", email.note);
  lines.push("", "--", email.footer);
  return `${lines.join("\n")}\n`;
}
