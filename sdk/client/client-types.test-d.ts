/** @module Type tests of the clients, run by `vitest --typecheck` (the "types" project): a signature that drifts from the contract fails. */
import { describe, expectTypeOf, it } from "vitest";
import type { ErrorCode } from "../errors/codes.js";
import type { SlotbookError, SlotbookErrorCode } from "../errors/slotbook-error.js";
import type { ApiKeyCreated, ApiKeyList } from "../schemas/api-key.js";
import type { Booking, BookingCreated } from "../schemas/booking.js";
import type { AdminBooking, BookingList } from "../schemas/booking-admin.js";
import type { Slot } from "../schemas/slot.js";
import type { AdminSlot } from "../schemas/slot-admin.js";
import type { PublicWidget } from "../schemas/widget.js";
import type { Widget } from "../schemas/widget-admin.js";
import { createAdminClient } from "./admin-client.js";
import { createClient } from "./public-client.js";

const client = createClient({ baseUrl: "https://book.test" });
const admin = createAdminClient({ baseUrl: "https://book.test", apiKey: "sk_test" });

describe("public client types", () => {
  it("bookings.create requires slotId, name and email and resolves BookingCreated", () => {
    const create = client.bookings.create;
    expectTypeOf(create).returns.resolves.toEqualTypeOf<BookingCreated>();
    expectTypeOf(create).toBeCallableWith("wgt_1", { slotId: "slot_1", name: "Ada", email: "ada@example.com" });
    expectTypeOf(create).toBeCallableWith(
      "wgt_1",
      { slotId: "slot_1", name: "Ada", email: "a@b.co", phone: "+4930123456", answers: { level: "new", ok: true } },
      { idempotencyKey: "k", signal: new AbortController().signal },
    );
    // @ts-expect-error slotId is required
    expectTypeOf(create).toBeCallableWith("wgt_1", { name: "Ada", email: "ada@example.com" });
    // @ts-expect-error name is required
    expectTypeOf(create).toBeCallableWith("wgt_1", { slotId: "slot_1", email: "ada@example.com" });
    // @ts-expect-error email is required
    expectTypeOf(create).toBeCallableWith("wgt_1", { slotId: "slot_1", name: "Ada" });
    // @ts-expect-error answers are strings or booleans
    expectTypeOf(create).toBeCallableWith("wgt_1", { slotId: "s", name: "A", email: "e", answers: { n: 1 } });
  });

  it("every other call resolves its contract type", () => {
    expectTypeOf(client.widgets.get).returns.resolves.toEqualTypeOf<PublicWidget>();
    expectTypeOf(client.slots.list).returns.resolves.toEqualTypeOf<Slot[]>();
    expectTypeOf(client.bookings.get).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(client.bookings.cancel).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(client.bookings.reschedule).returns.resolves.toEqualTypeOf<Booking>();
    expectTypeOf(client.bookings.inviteUrl).returns.toEqualTypeOf<string>();
    // @ts-expect-error the manage token is required
    expectTypeOf(client.bookings.get).toBeCallableWith("bkg_1");
  });
});

describe("admin client types", () => {
  it("resolves the admin shapes", () => {
    expectTypeOf(admin.widgets.list).returns.resolves.toEqualTypeOf<Widget[]>();
    expectTypeOf(admin.widgets.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(admin.slots.create).returns.resolves.toEqualTypeOf<AdminSlot[]>();
    expectTypeOf(admin.slots.delete).returns.resolves.toEqualTypeOf<AdminSlot | undefined>();
    expectTypeOf(admin.bookings.list).returns.resolves.toEqualTypeOf<BookingList>();
    expectTypeOf(admin.bookings.erase).returns.resolves.toEqualTypeOf<AdminBooking>();
    expectTypeOf(admin.bookings.cancel).returns.resolves.toEqualTypeOf<AdminBooking>();
    expectTypeOf(admin.bookings.cancel).toBeCallableWith("bkg_1", { notify: false });
    expectTypeOf<AdminBooking["cancelReason"]>().toEqualTypeOf<"visitor" | "admin" | "slot_cancelled" | undefined>();
    expectTypeOf(admin.bookings.exportCsv).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf(admin.bookings.iterate).returns.toEqualTypeOf<AsyncGenerator<AdminBooking, void, undefined>>();
    expectTypeOf(admin.keys.create).returns.resolves.toEqualTypeOf<ApiKeyCreated>();
    expectTypeOf(admin.keys.create).toBeCallableWith();
    expectTypeOf(admin.keys.create).toBeCallableWith({ label: "CRM" });
    expectTypeOf(admin.keys.list).returns.resolves.toEqualTypeOf<ApiKeyList>();
    expectTypeOf(admin.keys.revoke).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<ApiKeyCreated["secret"]>().toEqualTypeOf<string>();
    // The listed shape has no secret.
    expectTypeOf<ApiKeyList["data"][number]>().not.toHaveProperty("secret");
  });

  it("needs an apiKey", () => {
    // @ts-expect-error apiKey is required
    expectTypeOf(createAdminClient).toBeCallableWith({ baseUrl: "https://book.test" });
  });
});

describe("SlotbookError types", () => {
  it("narrows code to the server's codes plus the client's own", () => {
    expectTypeOf<SlotbookError["code"]>().toEqualTypeOf<SlotbookErrorCode>();
    expectTypeOf<ErrorCode | "network_error" | "timeout" | "invalid_response">().toEqualTypeOf<SlotbookErrorCode>();
    expectTypeOf<SlotbookError["retryAfter"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SlotbookError["status"]>().toEqualTypeOf<number>();
  });
});
