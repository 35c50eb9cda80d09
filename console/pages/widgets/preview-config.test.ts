import { describe, expect, it } from "vitest";
import { PREVIEW_ID, previewConfig } from "./preview-config.js";
import { publicSlotsOf, sampleSlots } from "./preview-slots.js";
import { savedWidget } from "./widget.test.helper.js";
import { draftOf, newDraft } from "./widget-draft.js";

describe("previewConfig", () => {
  it("is the public config of the draft: no origins, addresses, reminders or status", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.title = "Try a class";
    draft.description = "";
    const config = previewConfig(draft, saved);
    expect(config).toMatchObject({
      id: "wgt_demo",
      title: "Try a class",
      locale: "en",
      timezone: "Europe/Berlin",
      phone: "optional",
      phoneCountry: "DE",
      phoneExample: "01512 3456789",
      fields: saved.fields,
      consent: saved.consent,
      successMessage: "See you in class!",
    });
    expect(config).not.toHaveProperty("description");
    for (const key of ["allowedOrigins", "notifyEmails", "reminders", "status", "createdAt"]) {
      expect(config).not.toHaveProperty(key);
    }
    expect(JSON.stringify(config)).not.toContain("team@school.example");
  });

  it("shows what is being typed: a new select without options, a changed country without the old example", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.fields = [{ key: "size", label: "Size", type: "select", required: false, options: [""] }];
    draft.phoneCountry = "fr";
    const config = previewConfig(draft, saved);
    expect(config.fields).toEqual([{ key: "size", label: "Size", type: "select", required: false, options: [] }]);
    expect(config.phoneCountry).toBe("FR");
    expect(config).not.toHaveProperty("phoneExample");
  });

  it("previews a widget not created yet under a placeholder id and title", () => {
    const config = previewConfig(newDraft());
    expect(config).toMatchObject({ id: PREVIEW_ID, title: "Untitled widget", fields: [], phone: "optional" });
  });
});

describe("preview slots", () => {
  const now = new Date("2026-03-20T12:00:00.000Z");
  const slot = (id: string, startsAt: string, extra: object = {}) => ({
    id,
    widgetId: "wgt_demo",
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    capacity: 5,
    remaining: 5,
    booked: 2,
    status: "active" as const,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  });

  it("lists the widget's future, active slots as the public route would", () => {
    const slots = publicSlotsOf(
      [
        slot("slot_b", "2026-03-22T10:00:00.000Z", { label: "Advanced" }),
        slot("slot_past", "2026-03-19T10:00:00.000Z"),
        slot("slot_gone", "2026-03-23T10:00:00.000Z", { status: "cancelled" }),
        slot("slot_a", "2026-03-21T10:00:00.000Z", { booked: 7 }),
      ],
      now,
    );
    expect(slots).toEqual([
      {
        id: "slot_a",
        startsAt: "2026-03-21T10:00:00.000Z",
        endsAt: "2026-03-21T11:00:00.000Z",
        capacity: 5,
        remaining: 0,
      },
      {
        id: "slot_b",
        startsAt: "2026-03-22T10:00:00.000Z",
        endsAt: "2026-03-22T11:00:00.000Z",
        capacity: 5,
        remaining: 3,
        label: "Advanced",
      },
    ]);
  });

  it("makes sample times at 10:00 and 17:00 on the next three days in the widget's zone", () => {
    const slots = sampleSlots(now, "Europe/Berlin");
    expect(slots.map((s) => s.startsAt)).toEqual([
      "2026-03-21T09:00:00.000Z",
      "2026-03-21T16:00:00.000Z",
      "2026-03-22T09:00:00.000Z",
      "2026-03-22T16:00:00.000Z",
      "2026-03-23T09:00:00.000Z",
      "2026-03-23T16:00:00.000Z",
    ]);
    expect(slots[0]!.remaining).toBe(0);
    expect(new Set(slots.map((s) => s.id)).size).toBe(6);
  });
});
