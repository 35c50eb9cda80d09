/** @module `slotbook/widget`: mount the booking widget inside an app. */
export type { SlotbookEventName, SlotbookEvents } from "./events.js";
export type { MountedWidget } from "./mount.js";
export { mount } from "./mount-app.js";
export type { MountOptions } from "./options.js";
export type { Prefill } from "./page-context.js";
