/** @module The outbox worker and its deliverers. */
export { emailDeliverer, isPermanentEmailError, UndeliverableError } from "./deliver-email.js";
export { type WebhookDelivererOptions, webhookDeliverer } from "./deliver-webhook.js";
export { nextAttemptAt, RETRY_SCHEDULE_MS } from "./retry-schedule.js";
export {
  createOutboxWorker,
  type Deliver,
  DeliveryError,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from "./worker.js";
