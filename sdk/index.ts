/**
 * @module `slotbook/sdk`: the public surface — the typed clients, the contract's schemas and types, the error codes
 * and `SlotbookError`, and webhook signing and verifying. Helpers the server and the widget share (the widget-form
 * rules, issue conversion, phone normalisation) stay internal: they import them from their modules.
 */
export {
  type AdminCancelOptions,
  type AdminClientOptions,
  createAdminClient,
  type SlotbookAdminClient,
} from "./client/admin-client.js";
export type { CallOptions } from "./client/http.js";
export type { ClientOptions, RetryOptions } from "./client/options.js";
export {
  type CreateBookingOptions,
  createClient,
  type ManageOptions,
  type SlotbookClient,
  type SlotListOptions,
} from "./client/public-client.js";
export { ERROR_CODES, ERROR_TYPE_BASE, type ErrorCode } from "./errors/codes.js";
export {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  SlotbookError,
  type SlotbookErrorCode,
  type SlotbookErrorInit,
} from "./errors/slotbook-error.js";
export {
  type ApiKey,
  type ApiKeyCreate,
  type ApiKeyCreated,
  type ApiKeyList,
  apiKeyCreatedSchema,
  apiKeyCreateSchema,
  apiKeyIdSchema,
  apiKeyListSchema,
  apiKeySchema,
} from "./schemas/api-key.js";
export {
  type Booking,
  type BookingContext,
  type BookingCreated,
  type BookingRequest,
  bookedSlotSchema,
  bookingContextSchema,
  bookingCreatedSchema,
  bookingRequestSchema,
  bookingSchema,
  type CancelReason,
  cancelReasonSchema,
  emailSchema,
  type ParsedBookingRequest,
  type RescheduleRequest,
  rescheduleRequestSchema,
  visitorFieldsSchema,
} from "./schemas/booking.js";
export {
  type AdminBooking,
  type AdminCancel,
  adminBookingSchema,
  adminCancelSchema,
  type BookingList,
  type BookingListQuery,
  bookingListQuerySchema,
  bookingListSchema,
} from "./schemas/booking-admin.js";
export {
  bookingIdSchema,
  instantSchema,
  localeSchema,
  slotIdSchema,
  timeZoneSchema,
  widgetIdSchema,
} from "./schemas/common.js";
export { phoneSchema } from "./schemas/phone.js";
export { type Issue, issueSchema, type Problem, problemSchema } from "./schemas/problem.js";
export {
  type Slot,
  type SlotList,
  type SlotQuery,
  slotListSchema,
  slotQuerySchema,
  slotSchema,
} from "./schemas/slot.js";
export {
  type AdminSlot,
  type AdminSlotList,
  adminSlotListSchema,
  adminSlotSchema,
  type SlotInput,
  type SlotUpdate,
  slotCreateSchema,
  slotInputSchema,
  slotUpdateSchema,
} from "./schemas/slot-admin.js";
export {
  type BookingMessage,
  type BookingMessageList,
  bookingMessageListSchema,
  bookingMessageSchema,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookCreate,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookEvent,
  type WebhookEventType,
  type WebhookList,
  type WebhookRotated,
  type WebhookUpdate,
  webhookAttendeeSchema,
  webhookBookingSchema,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookDeliverySchema,
  webhookEventSchema,
  webhookEventTypeSchema,
  webhookIdSchema,
  webhookListSchema,
  webhookRotatedSchema,
  webhookSchema,
  webhookSecretSchema,
  webhookUpdateSchema,
  webhookUrlSchema,
} from "./schemas/webhook.js";
export { type PublicWidget, publicWidgetSchema } from "./schemas/widget.js";
export {
  consentSchema,
  type FormField,
  formFieldSchema,
  type Location,
  locationSchema,
  type Organizer,
  organizerSchema,
  originSchema,
  type Theme,
  themeSchema,
  type Widget,
  type WidgetCreate,
  type WidgetList,
  type WidgetUpdate,
  widgetCreateSchema,
  widgetListSchema,
  widgetSchema,
  widgetUpdateSchema,
} from "./schemas/widget-admin.js";
export { signWebhook, verifyWebhook, WebhookVerificationError } from "./webhooks/signature.js";
