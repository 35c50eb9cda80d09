/** @module The environment read once: defaults, and one line naming the variable for a bad value (never a password). */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults: no Redis, no SMTP, webhooks only to public https", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ redisUrl: undefined, smtpUrl: undefined, allowPrivateWebhooks: false, port: 8787 });
    expect(config.outboxWorker).toBe(true);
  });

  it("OUTBOX_WORKER=false makes an instance that delivers nothing; on, 1, true or unset deliver", () => {
    expect(loadConfig({ OUTBOX_WORKER: "false" }).outboxWorker).toBe(false);
    expect(loadConfig({ OUTBOX_WORKER: "0" }).outboxWorker).toBe(false);
    for (const on of ["true", "1", "on", ""]) expect(loadConfig({ OUTBOX_WORKER: on }).outboxWorker).toBe(true);
  });

  it("reads REDIS_URL, SMTP_URL and WEBHOOK_ALLOW_PRIVATE_NETWORKS", () => {
    const config = loadConfig({
      REDIS_URL: "redis://:pw@127.0.0.1:6379/2",
      SMTP_URL: "smtps://u:p@smtp.example.com:465",
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    });
    expect(config).toMatchObject({
      redisUrl: "redis://:pw@127.0.0.1:6379/2",
      smtpUrl: "smtps://u:p@smtp.example.com:465",
      allowPrivateWebhooks: true,
    });
  });

  it("refuses a bad value with one line that names the variable and not the secret in it", () => {
    const cases: [Record<string, string>, string][] = [
      [{ REDIS_URL: "http://:hunter2@cache:6379" }, "REDIS_URL"],
      [{ SMTP_URL: "mail://u:hunter2@x" }, "SMTP_URL"],
      [{ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "maybe" }, "WEBHOOK_ALLOW_PRIVATE_NETWORKS"],
      [{ OUTBOX_WORKER: "sometimes" }, "OUTBOX_WORKER"],
    ];
    for (const [env, name] of cases) {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(ConfigError);
      expect((error as Error).message.startsWith(name)).toBe(true);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});
