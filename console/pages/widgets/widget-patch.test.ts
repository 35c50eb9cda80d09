import { describe, expect, it } from "vitest";
import { savedWidget } from "./widget.test.helper.js";
import { draftOf, newDraft, reminderOf, settingsOf } from "./widget-draft.js";
import { issuesByPath, patchIssues, sameValue, widgetPatch } from "./widget-patch.js";

describe("the widget draft", () => {
  it("reads every setting and gives the same settings back", () => {
    const saved = savedWidget();
    const settings = settingsOf(draftOf(saved));
    expect(settings).toEqual({
      title: saved.title,
      description: saved.description,
      locale: "en",
      timezone: "Europe/Berlin",
      theme: saved.theme,
      phone: "optional",
      phoneCountry: "DE",
      fields: saved.fields,
      consent: saved.consent,
      successMessage: saved.successMessage,
      redirectUrl: undefined,
      allowedOrigins: saved.allowedOrigins,
      status: "active",
      notifyEmails: saved.notifyEmails,
      reminders: [1440, 60],
      location: saved.location,
      organizer: saved.organizer,
    });
  });

  it("writes reminders in the largest whole unit", () => {
    expect(reminderOf(2880)).toEqual({ count: 2, unit: "days" });
    expect(reminderOf(120)).toEqual({ count: 2, unit: "hours" });
    expect(reminderOf(90)).toEqual({ count: 90, unit: "minutes" });
    expect(draftOf(savedWidget({ reminders: undefined })).reminders).toEqual([{ count: 1, unit: "days" }]);
  });

  it("starts a new widget with the server's defaults", () => {
    expect(settingsOf(newDraft("Yoga", "Europe/Paris"))).toMatchObject({
      title: "Yoga",
      timezone: "Europe/Paris",
      theme: { accent: "#4f46e5", radius: 12, mode: "auto" },
      phone: "optional",
      allowedOrigins: ["*"],
      reminders: [1440],
      consent: undefined,
      location: undefined,
      organizer: undefined,
    });
  });
});

describe("widgetPatch", () => {
  it("sends nothing for an untouched draft", () => {
    const saved = savedWidget();
    expect(widgetPatch(saved, draftOf(saved))).toEqual({});
  });

  it("sends only what changed, whole for objects and lists", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.title = "Try a class";
    draft.theme = { ...draft.theme, accent: "#0f766e" };
    draft.fields = [...draft.fields, { key: "notes", label: "Notes", type: "textarea", required: false }];
    draft.reminders = [{ count: 2, unit: "hours" }];
    draft.status = "paused";
    expect(widgetPatch(saved, draft)).toEqual({
      title: "Try a class",
      theme: { accent: "#0f766e", radius: 12, mode: "auto" },
      fields: [...saved.fields, { key: "notes", label: "Notes", type: "textarea", required: false }],
      reminders: [120],
      status: "paused",
    });
  });

  it("clears with null what the draft empties", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.description = "  ";
    draft.consent = { text: "", required: true };
    draft.location = { ...draft.location, kind: "none" };
    draft.organizer = { name: "", email: "" };
    draft.phoneCountry = "";
    draft.successMessage = "";
    expect(widgetPatch(saved, draft)).toEqual({
      description: null,
      consent: null,
      location: null,
      organizer: null,
      phoneCountry: null,
      successMessage: null,
    });
  });

  it("switches a location's kind and keeps what each kind had typed", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.location = { kind: "in_person", address: "Main St 1", url: "https://meet.example/abc" };
    expect(widgetPatch(saved, draft)).toEqual({ location: { kind: "in_person", address: "Main St 1" } });
  });

  it("drops a select's blank option lines and a former select's options", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.fields = [{ ...draft.fields[0]!, options: ["Beginner", "", "Advanced", " "] }];
    expect(widgetPatch(saved, draft)).toEqual({});
    draft.fields = [{ ...draft.fields[0]!, type: "text" }];
    expect(widgetPatch(saved, draft)).toEqual({
      fields: [{ key: "level", label: "Your level", type: "text", required: true }],
    });
  });

  it("ignores the order keys were written in", () => {
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ 0: 1 }, [1])).toBe(false);
  });
});

describe("patchIssues", () => {
  it("checks a patch with the contract's schema, issues at the field they name", () => {
    const saved = savedWidget();
    const draft = draftOf(saved);
    draft.title = "";
    draft.theme = { ...draft.theme, accent: "teal" };
    draft.allowedOrigins = ["https://school.example", "https://x.example/path"];
    draft.fields = [...draft.fields, { key: "Bad Key", label: "", type: "text", required: false }];
    draft.reminders = [
      { count: 1, unit: "days" },
      { count: 1, unit: "days" },
    ];
    const byPath = issuesByPath(patchIssues(widgetPatch(saved, draft)));
    expect(byPath).toMatchObject({
      title: "Give the widget a title",
      "theme.accent": "Use a colour like #4f46e5",
      "allowedOrigins.1": "Use an origin like https://example.com (no path), or *",
      "fields.1.key": "Use lower-case letters, digits and _",
      "fields.1.label": "Required",
      reminders: "Each reminder time once",
    });
    expect(patchIssues({ title: "Fine" })).toEqual([]);
  });
});
