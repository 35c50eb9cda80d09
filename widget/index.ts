/** @module `slotbook/widget`: mount the booking widget inside an app. */
export type { SlotbookEventName, SlotbookEvents } from "./events.js";
export { type MountedWidget, mount } from "./mount.js";
export type { MountOptions } from "./options.js";
export type { Prefill } from "./page-context.js";
