/** @module Fills in `nginx.conf.template`: the address nginx listens on, the instances, and the folder it writes to. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The template beside this file. */
export const NGINX_TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), "nginx.conf.template");

/** What the template needs. */
export interface NginxConfigOptions {
  /** `host:port` for `listen`, e.g. `127.0.0.1:8080`. */
  listen: string;
  /** The instances, `host:port` each. */
  upstreams: string[];
  /** An absolute folder for nginx's pid, lock, logs and temp files. */
  runDir: string;
}

/**
 * The template with every `{{NAME}}` replaced; a placeholder without a value is an error, not an empty string.
 * @example writeFileSync(join(runDir, "nginx.conf"), renderNginxConfig({ listen, upstreams, runDir }));
 */
export function renderNginxConfig(
  options: NginxConfigOptions,
  template = readFileSync(NGINX_TEMPLATE, "utf8"),
): string {
  if (options.upstreams.length === 0) throw new TypeError("renderNginxConfig: at least one upstream is needed");
  if (!options.runDir.startsWith("/"))
    throw new TypeError(`renderNginxConfig: runDir must be absolute, got ${options.runDir}`);
  const values: Record<string, string> = {
    LISTEN: options.listen,
    RUN_DIR: options.runDir,
    UPSTREAM_SERVERS: options.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`).join("\n"),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new TypeError(`renderNginxConfig: the template names {{${name}}}, which has no value`);
    return value;
  });
}
