/**
 * @module Admin routes the console needs beyond the API's: the team and its invites (owners change them), the
 * overview's insights, and the email status with a test message.
 */

import * as z from "zod/mini";
import {
  emailStatusSchema,
  emailTestResultSchema,
  emailTestSchema,
  insightsQuerySchema,
  insightsSchema,
  inviteCreatedSchema,
  inviteCreateSchema,
  teamSchema,
  userSchema,
  userUpdateSchema,
} from "../../sdk/index.js";
import { changeRole, inviteUser, listTeam, removeUser, revokeInvite } from "../domain/accounts.js";
import { emailStatus, sendTestEmail } from "../domain/email-status.js";
import { getInsights } from "../domain/insights.js";
import { jsonBody, params, query } from "../http/validate.js";
import { BODY_ERRORS } from "../openapi/route-doc.js";
import { adminRoute } from "./admin-route.js";
import type { RouteContext } from "./context.js";

const userPath = z.object({ userId: z.string().check(z.meta({ description: "User id (`usr_…`)" })) });
const invitePath = z.object({ inviteId: z.string().check(z.meta({ description: "Invite id (`inv_…`)" })) });

/** Registers `/v1/admin/team…`, `/v1/admin/insights` and `/v1/admin/email…`. */
export function adminConsoleRoutes(context: RouteContext): void {
  const { app, deps, mailer } = context;
  const admin = adminRoute(context);

  app.get(
    "/v1/admin/team",
    ...admin({
      summary: "The console users and the open invites",
      response: { status: 200, description: "Users oldest first, and invites not yet used", schema: teamSchema },
      errors: [],
    }),
    async (c) => c.json(await listTeam(deps)),
  );
  app.post(
    "/v1/admin/team/invites",
    ...admin({
      summary: "Invite someone to the console with a role; the link is in this answer only (valid 7 days)",
      role: "owner",
      response: { status: 201, description: "The invite and its link", schema: inviteCreatedSchema },
      errors: [...BODY_ERRORS],
    }),
    jsonBody(inviteCreateSchema),
    async (c) => c.json(await inviteUser(deps, c.req.valid("json")), 201),
  );
  app.delete(
    "/v1/admin/team/invites/:inviteId",
    ...admin({
      summary: "Withdraw an invite: its link stops working",
      role: "owner",
      response: { status: 204, description: "Withdrawn" },
      errors: ["not_found"],
    }),
    params(invitePath),
    async (c) => {
      await revokeInvite(deps, c.req.valid("param").inviteId);
      return c.body(null, 204);
    },
  );
  app.patch(
    "/v1/admin/team/users/:userId",
    ...admin({
      summary: "Change the role of a user (the last owner stays an owner)",
      role: "owner",
      response: { status: 200, description: "The user", schema: userSchema },
      errors: ["not_found", ...BODY_ERRORS],
    }),
    params(userPath),
    jsonBody(userUpdateSchema),
    async (c) => c.json(await changeRole(deps, c.req.valid("param").userId, c.req.valid("json").role)),
  );
  app.delete(
    "/v1/admin/team/users/:userId",
    ...admin({
      summary: "Remove a user; their sessions end at once (the last owner cannot be removed)",
      role: "owner",
      response: { status: 204, description: "Removed" },
      errors: ["not_found", "validation_failed"],
    }),
    params(userPath),
    async (c) => {
      await removeUser(deps, c.req.valid("param").userId);
      return c.body(null, 204);
    },
  );
  app.get(
    "/v1/admin/insights",
    ...admin({
      summary: "Bookings per day, how full the upcoming slots are, and the funnel per widget and UTM source",
      response: { status: 200, description: "The overview's numbers (days in UTC)", schema: insightsSchema },
      errors: ["bad_request"],
    }),
    query(insightsQuerySchema),
    async (c) => c.json(await getInsights(deps, c.req.valid("query"))),
  );
  app.get(
    "/v1/admin/email",
    ...admin({
      summary: "How email leaves this server, how many messages wait, and the latest failures",
      response: { status: 200, description: "The email status", schema: emailStatusSchema },
      errors: [],
    }),
    async (c) => c.json(await emailStatus(deps, mailer)),
  );
  app.post(
    "/v1/admin/email/test",
    ...admin({
      summary: "Send a test message now and say whether the mail server took it",
      role: "owner",
      response: {
        status: 200,
        description: "Sent, or the mail server's refusal in words",
        schema: emailTestResultSchema,
      },
      errors: [...BODY_ERRORS],
    }),
    jsonBody(emailTestSchema),
    async (c) => c.json(await sendTestEmail(deps, mailer, c.req.valid("json").to)),
  );
}
