/** @module Calendar invites (RFC 5545) for bookings. */
export { buildInvite, type InviteOptions } from "./build-invite.js";
