/** @module The widget's funnel beacons: view, slot chosen, form started, each once per load, with no personal data. */
import { describe, expect, it } from "vitest";
import { button, type, waitFor, waitForText } from "./test/dom.test.helper.js";
import { useFakeApi } from "./test/fake-api.test.helper.js";
import { fillValidForm, pickSlotAndContinue, start } from "./test/flow.test.helper.js";

const { fake } = useFakeApi(
  "https://school.example/pricing?utm_source=newsletter&utm_medium=email&email=ada%40x.example",
);

describe.each([false, true])("funnel beacons (embed script: %s)", (embed) => {
  it("reports view, slot_selected and form_started once each, with the page's utm and nothing personal", async () => {
    const { root } = start({}, { embed });
    await waitFor(() => fake.events.length === 1);
    const utm = { source: "newsletter", medium: "email" };
    expect(fake.events).toEqual([{ body: { type: "view", utm }, type: expect.stringMatching(/^text\/plain/) }]);

    await pickSlotAndContinue(root);
    button(root, /Change/).click();
    await waitForText(root, "3 seats left");
    button(root, "4:00 PM").click();
    await waitFor(() => !button(root, "Continue").disabled);
    button(root, "Continue").click();
    await waitFor(() => root.getElementById("name"));
    type(root, "name", "Ada");
    fillValidForm(root);
    await waitFor(() => fake.events.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.events.map((e) => (e.body as { type: string }).type)).toEqual([
      "view",
      "slot_selected",
      "form_started",
    ]);
    const sent = JSON.stringify(fake.events);
    for (const personal of ["Ada", "ada@", "555"]) expect(sent).not.toContain(personal);
  });
});
