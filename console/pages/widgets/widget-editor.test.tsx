/** @module The widget editor against a fake admin API: live preview, the PATCH of what changed, issues at fields. */
import { HttpResponse, http } from "msw";
import { h } from "preact";
import { beforeEach, describe, expect, it } from "vitest";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import {
  ADMIN_API,
  button,
  control,
  errorOf,
  fill,
  renderConsole,
  textOf,
  useAdminApi,
  waitFor,
} from "../../test/console.test.helper.js";
import { savedWidget } from "./widget.test.helper.js";
import { WidgetEditor } from "./widget-editor.js";

const server = useAdminApi();
let saved: Widget;
let patches: Array<Record<string, unknown>>;

const inFuture = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

beforeEach(() => {
  saved = savedWidget();
  patches = [];
  server.use(
    http.get(`${ADMIN_API}/v1/admin/widgets/wgt_demo`, () => HttpResponse.json(saved)),
    http.get(`${ADMIN_API}/v1/admin/widgets/wgt_demo/slots`, () =>
      HttpResponse.json({
        slots: [
          {
            id: "slot_a",
            widgetId: "wgt_demo",
            startsAt: inFuture(30),
            endsAt: inFuture(31),
            capacity: 5,
            remaining: 3,
            booked: 2,
            status: "active",
            createdAt: saved.createdAt,
            updatedAt: saved.createdAt,
          },
        ],
      }),
    ),
    http.patch(`${ADMIN_API}/v1/admin/widgets/wgt_demo`, async ({ request }) => {
      const patch = (await request.json()) as Record<string, unknown>;
      patches.push(patch);
      const next: Record<string, unknown> = { ...saved };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete next[key];
        else next[key] = value;
      }
      saved = next as Widget;
      return HttpResponse.json(saved);
    }),
  );
});

async function openEditor() {
  const root = renderConsole(<WidgetEditor widgetId="wgt_demo" />);
  await waitFor(() => root.querySelector(".editor-form"));
  const preview = await waitFor(() => root.querySelector<HTMLElement>(".preview-host")?.shadowRoot);
  await waitFor(() => textOf(preview).includes("Book a free demo class") && preview.querySelector("[part=slot]"));
  return { root, preview };
}

describe("the widget editor", () => {
  it("shows every setting of the saved widget", async () => {
    const { root } = await openEditor();
    expect(control(root, "Title").value).toBe("Book a free demo class");
    expect(control<HTMLSelectElement>(root, "Language").value).toBe("en");
    expect(control(root, "Time zone").value).toBe("Europe/Berlin");
    expect(control(root, "Phone country").value).toBe("DE");
    expect(control(root, "Link to join").value).toBe("https://meet.example/abc");
    expect(control(root, "Allowed site 1").value).toBe("https://school.example");
    expect(control(root, "Team address 1").value).toBe("team@school.example");
    expect(control(root, "Reminder 2: how many").value).toBe("1");
    expect(control<HTMLSelectElement>(root, "Reminder 2: unit").value).toBe("hours");
    expect(control(root, "Question").value).toBe("Your level");
    expect(textOf(root)).toContain("All changes saved");
  });

  it("updates the real widget in the preview as you type, on the step the visitor is on", async () => {
    const { root, preview } = await openEditor();
    await fill(root, "Title", "Try a yoga class");
    await waitFor(() => textOf(preview).includes("Try a yoga class"));
    // Into the form step, then change a question: the preview stays on the form and shows it.
    preview.querySelector<HTMLButtonElement>("[part=slot]:not([disabled])")!.click();
    await waitFor(() => !preview.querySelector<HTMLButtonElement>("[part~=next]")!.disabled);
    preview.querySelector<HTMLButtonElement>("[part~=next]")!.click();
    await waitFor(() => preview.getElementById("name"));
    await fill(root, "Question", "Your yoga level");
    await waitFor(() => textOf(preview).includes("Your yoga level"));
    expect(preview.getElementById("name")).toBeTruthy();
    // Admin-only settings never reach the widget.
    expect(textOf(preview)).not.toContain("team@school.example");
  });

  it("saves only what changed, and null for what was emptied", async () => {
    const { root } = await openEditor();
    await fill(root, "Title", "Try a yoga class");
    await fill(root, "Description", "");
    await fill(root, "Name", "");
    await fill(root, "Email", "");
    button(root, "Remove reminder 2").click();
    await waitFor(() => textOf(root).includes("Unsaved changes"));
    button(root, "Save changes").click();
    await waitFor(() => patches.length === 1);
    expect(patches[0]).toEqual({ title: "Try a yoga class", description: null, organizer: null, reminders: [1440] });
    await waitFor(() => textOf(root).includes("All changes saved"));
    expect(root.querySelector("h1")!.textContent).toBe("Try a yoga class");
  });

  it("adds, reorders and removes questions", async () => {
    const level = saved.fields[0];
    const { root } = await openEditor();
    button(root, "Add a question").click();
    await waitFor(() => root.querySelectorAll(".question").length === 2);
    const second = root.querySelectorAll(".question")[1]!;
    await fill(second, "Question", "Anything else?");
    await fill(second, "Answer type", "textarea");
    expect(control(second, "Key").value).toBe("anything_else");
    button(root, "Move Anything else? up").click();
    await waitFor(() => control(root.querySelectorAll(".question")[0]!, "Question").value === "Anything else?");
    await waitFor(() => document.activeElement === button(root, "Move Anything else? down"));
    button(root, "Save changes").click();
    await waitFor(() => patches.length === 1);
    expect(patches[0]).toEqual({
      fields: [{ key: "anything_else", label: "Anything else?", type: "textarea", required: false }, level],
    });
    button(root, "Remove Your level").click();
    await waitFor(() => root.querySelectorAll(".question").length === 1);
    // Focus stays in the list, on the question left.
    await waitFor(() => document.activeElement === control(root, "Question"));
  });

  it("checks with the contract before sending: issues at the field, nothing sent", async () => {
    const { root } = await openEditor();
    await fill(root, "Title", " ");
    await fill(root, "Allowed site 1", "https://school.example/booking");
    button(root, "Save changes").click();
    await waitFor(() => root.querySelector(".error-summary"));
    expect(errorOf(root, "Title")).toBe("Give the widget a title");
    expect(errorOf(root, "Allowed site 1")).toBe("Use an origin like https://example.com (no path), or *");
    expect(textOf(root.querySelector(".error-summary")!)).toContain("Sites that may take bookings, row 1");
    expect(patches).toEqual([]);
    await waitFor(() => document.activeElement?.getAttribute("aria-invalid") === "true");
    // Fixed, the issue goes as it is typed.
    await fill(root, "Title", "Yoga");
    await waitFor(() => errorOf(root, "Title") === undefined);
  });

  it("shows the server's 422 issues at the field they name, until that setting changes", async () => {
    server.use(
      http.patch(`${ADMIN_API}/v1/admin/widgets/wgt_demo`, () =>
        HttpResponse.json(
          {
            type: "https://slotbook.dev/errors/validation_failed",
            title: "Validation failed",
            status: 422,
            code: "validation_failed",
            issues: [{ path: ["phoneCountry"], code: "custom", message: "No phone numbering plan is known for AQ" }],
          },
          { status: 422, headers: { "content-type": "application/problem+json" } },
        ),
      ),
    );
    const { root } = await openEditor();
    await fill(root, "Phone country", "aq");
    expect(control(root, "Phone country").value).toBe("AQ");
    button(root, "Save changes").click();
    await waitFor(() => errorOf(root, "Phone country"));
    expect(errorOf(root, "Phone country")).toBe("No phone numbering plan is known for AQ");
    expect(textOf(root.querySelector(".error-summary")!)).toContain("Phone country: No phone numbering plan");
    await fill(root, "Phone country", "FR");
    await waitFor(() => !root.querySelector(".error-summary"));
  });

  it("refuses a booking in the preview, saying so, without a request", async () => {
    const { root, preview } = await openEditor();
    preview.querySelector<HTMLButtonElement>("[part=slot]:not([disabled])")!.click();
    await waitFor(() => !preview.querySelector<HTMLButtonElement>("[part~=next]")!.disabled);
    preview.querySelector<HTMLButtonElement>("[part~=next]")!.click();
    const name = await waitFor(() => preview.getElementById("name") as HTMLInputElement | null);
    for (const [id, value] of [
      ["name", "Ada"],
      ["email", "ada@example.com"],
    ] as const) {
      const input = preview.getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const level = preview.querySelector<HTMLSelectElement>("select")!;
    level.value = "Beginner";
    level.dispatchEvent(new Event("change", { bubbles: true }));
    const consent = preview.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    consent.checked = true;
    consent.dispatchEvent(new Event("change", { bubbles: true }));
    expect(name.value).toBe("Ada");
    preview.querySelector<HTMLFormElement>("form")!.requestSubmit();
    await waitFor(() => textOf(root).includes("This is a preview: nothing is booked here."));
  });

  it("lets a viewer look, not change", async () => {
    const root = renderConsole(<WidgetEditor widgetId="wgt_demo" />, "viewer");
    await waitFor(() => root.querySelector(".editor-form"));
    expect(root.querySelector<HTMLFieldSetElement>(".editor-fields")!.disabled).toBe(true);
    expect(root.querySelector(".save-bar")).toBeNull();
    expect(button(root, "Copy snippet").disabled).toBe(false);
  });
});
