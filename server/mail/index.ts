/** @module Email: the facts an outbox row seals, rendering in the booking's language, and the transport. */
export type { EmailFacts, TimeRange } from "./email-facts.js";
export { createMailer, type Mailer, type MailerOptions, PermanentMailError } from "./mailer.js";
export { type RenderContext, type RenderedEmail, renderEmail } from "./render-email.js";
