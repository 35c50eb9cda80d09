/** @module Steps of the visitor's path shared by the widget tests. */
import { vi } from "vitest";
import { importCatalogue } from "../i18n/import-catalogue.js";
import { mount } from "../index.js";
import { mountWidget } from "../mount.js";
import type { MountOptions } from "../options.js";
import { button, check, shadowOf, type, waitFor, waitForText } from "./dom.test.helper.js";
import { API } from "./fake-api.test.helper.js";

/**
 * Mount the demo widget into a fresh element, in Berlin time: as an app's `mount()` does (the SDK's `createClient`,
 * ky, answers parsed), or with `embed` as the embed script does (the fetch transport, answers trusted).
 */
export function start(options: Partial<MountOptions> = {}, { embed = false } = {}) {
  const host = document.createElement("div");
  document.body.append(host);
  const navigate = vi.fn();
  const all = { widget: "wgt_demo", api: API, timeZone: "Europe/Berlin", navigate, ...options };
  const widget = embed ? mountWidget(host, all, { catalogues: importCatalogue }) : mount(host, all);
  return { host, root: shadowOf(host), navigate, widget };
}

/** Choose 14:00 on 2 December and go on to the form. */
export async function pickSlotAndContinue(root: ShadowRoot, time = "2:00 PM", seats = "3 seats left") {
  await waitForText(root, seats);
  button(root, time).click();
  await waitFor(() => !button(root, /Continue|Continuar|आगे/).disabled);
  button(root, /Continue|Continuar|आगे/).click();
  await waitFor(() => root.getElementById("name"));
}

/** Fill every field of the demo widget validly. */
export function fillValidForm(root: ShadowRoot) {
  type(root, "name", "  Ada Lovelace ");
  type(root, "email", "Ada@Example.com");
  type(root, "phone", "+1 (555) 010-9999");
  type(root, "answers.level", "Beginner");
  check(root, "consent");
}
