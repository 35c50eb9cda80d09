/** @module The RFC 9457 problem document every error answers with. */
import * as z from "zod/mini";
import { ERROR_CODES, type ErrorCode } from "../errors/codes.js";

/** One field-level complaint: where, what kind, and the message to show. */
export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
/** One field-level complaint. */
export type Issue = z.infer<typeof issueSchema>;

/** The error codes as a schema. */
export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** An `application/problem+json` body. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: errorCodeSchema,
  detail: z.optional(z.string()),
  issues: z.optional(z.array(issueSchema)),
  requestId: z.optional(z.string()),
});
/** An `application/problem+json` body. */
export type Problem = z.infer<typeof problemSchema>;

/** Turn a schema's issues into the contract's `issues` list. */
export function toIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message: string }>,
): Issue[] {
  return issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === "number" ? part : String(part))),
    code: issue.code,
    message: issue.message,
  }));
}
