/** @module Polls a URL until it answers 2xx, giving up when the process behind it exits or time runs out. */

// 100 ms: a start-up takes a second or two; polling faster only adds load to a busy machine.
const POLL_MS = 100;

/**
 * Resolves once `url` answers 2xx; rejects when `gone()` turns true (the process exited) or after `timeoutMs`,
 * with `output()` (what the process said) in the message.
 * @example await waitUntilOk("http://127.0.0.1:8781/readyz", { gone: () => exited, output: () => log, timeoutMs: 30_000 });
 */
export async function waitUntilOk(
  url: string,
  { gone, output, timeoutMs }: { gone: () => boolean; output: () => string; timeoutMs: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`The process behind ${url} exited before it was ready:\n${output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.ok;
      },
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms:\n${output()}`);
}
