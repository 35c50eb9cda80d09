/** @module Vitest helper: a fresh test API for each test of a suite, on the engine given, cleaned up after it. */
import { afterEach, beforeEach } from "vitest";
import type { AppOptions } from "../app.js";
import type { TestStoreFactory } from "../store/testing.js";
import { makeTestApi, type TestApi } from "./api-harness.js";

/**
 * Registers `beforeEach`/`afterEach` that make and throw away a test API; the returned object always speaks for the
 * current test's one.
 * @example describe.each(await testStores())("on $name", (factory) => { const t = useTestApi(factory); it(…, () => t.seed()); });
 */
export function useTestApi(factory: TestStoreFactory, options: Partial<AppOptions> = {}): TestApi {
  let current: TestApi | undefined;
  beforeEach(async () => {
    current = await makeTestApi(factory, options);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return new Proxy({} as TestApi, {
    get(_target, name) {
      if (current === undefined) throw new Error("useTestApi: the test API exists only inside a test");
      const value = current[name as keyof TestApi];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
