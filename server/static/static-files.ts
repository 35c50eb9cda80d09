/** @module Serves built files (the widget and its language chunks) from memory, compressed once per change of the file. */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** A file ready to send: the raw bytes, its gzip and brotli forms, and an ETag of the content. */
export interface StaticFile {
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/** Build a StaticFile from its content; compression happens here, never per request. */
export function toStaticFile(raw: Buffer): StaticFile {
  return {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 22)}"`,
  };
}

/** Reads files of `dir` on demand and keeps them until their modification time changes; undefined when missing. */
export function staticFiles(dir: string): (name: string) => Promise<StaticFile | undefined> {
  const cache = new Map<string, StaticFile & { mtimeMs: number }>();
  return async (name) => {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    let cached = cache.get(name);
    if (cached?.mtimeMs !== info.mtimeMs) {
      cached = { ...toStaticFile(await readFile(path)), mtimeMs: info.mtimeMs };
      cache.set(name, cached);
    }
    return cached;
  };
}

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const accepted = (acceptEncoding ?? "").toLowerCase();
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return undefined;
}
