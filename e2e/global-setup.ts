/** @module Vitest global setup: one build of `dist/` before any test file runs (tests that use the package need it). */
import { build } from "./build.js";

/** Runs once per `vitest` run, in the main process. */
export default async function setup(): Promise<void> {
  await build();
}
