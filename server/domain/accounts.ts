/**
 * @module Console accounts: the first-run setup link, invites, sign-in, sessions (hashed, revocable), the team and its
 * roles. Passwords are scrypt hashes; setup links, invites and session cookies are random tokens kept as SHA-256.
 */
import type { Accept, Invite, InviteCreate, Role, Team, TokenInfo, User } from "../../sdk/index.js";
import { hashPassword, hashToken, newToken, UNUSABLE_PASSWORD_HASH, verifyPassword } from "../crypto/index.js";
import { newId } from "../ids.js";
import {
  type SessionRow,
  type StoreOps,
  UniqueViolationError,
  type UserRow,
  type UserTokenRow,
} from "../store/types.js";
import type { Deps } from "./deps.js";
import { DomainError } from "./domain-error.js";

/** 1 h: a setup link is printed at start-up for whoever runs the server, and used at once. */
export const SETUP_TTL_MS = 60 * 60_000;
/** 7 days: an invite is an email away, and people read email late. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;
/** 30 days: a marketer signs in on their own laptop and should not do it every morning. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** 60 s: `lastSeenAt` to the minute, so a console polling every second writes once a minute. */
const SEEN_RESOLUTION_MS = 60_000;

/** Who made a request on an admin route: an API key (acts as an owner) or a signed-in console user. */
export type Principal = { kind: "key" } | { kind: "user"; user: UserRow; session: SessionRow };

/** The role a principal acts with. */
export function roleOf(principal: Principal): Role {
  return principal.kind === "key" ? "owner" : principal.user.role;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** 403 `forbidden` unless `principal` has at least `needed`. */
export function requireRole(principal: Principal, needed: Role): void {
  const role = roleOf(principal);
  if (RANK[role] < RANK[needed]) {
    throw new DomainError("forbidden", `This needs the ${needed} role; you are signed in as ${article(role)} ${role}`);
  }
}

const article = (role: Role) => (role === "viewer" ? "a" : "an");

/** A user as the API shows them (never the password hash). */
export function toUser(row: UserRow): User {
  const { id, email, name, role, createdAt, lastSignInAt } = row;
  return { id, email, name, role, createdAt, lastSignInAt };
}

function toInvite(row: UserTokenRow): Invite {
  return { id: row.id, email: row.email ?? "", role: row.role, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

const later = (deps: Deps, ms: number) => new Date(deps.now().getTime() + ms).toISOString();

/**
 * On a database with no user yet, a new one-time link that creates the owner (valid `SETUP_TTL_MS`); undefined once
 * someone has set the console up. Each call makes a new link; earlier ones stay valid until they expire or one is used.
 */
export async function createSetupLink(deps: Deps): Promise<string | undefined> {
  if ((await deps.store.countUsers()) > 0) return undefined;
  const token = newToken("st_");
  await deps.store.insertUserToken({
    id: newId("inv"),
    kind: "setup",
    tokenHash: hashToken(token),
    email: null,
    role: "owner",
    createdAt: deps.now().toISOString(),
    expiresAt: later(deps, SETUP_TTL_MS),
    usedAt: null,
  });
  return `${deps.publicUrl}/console/setup?token=${token}`;
}

/** Invites someone to the team; the link (shown once) is valid `INVITE_TTL_MS`. */
export async function inviteUser(deps: Deps, input: InviteCreate): Promise<{ invite: Invite; url: string }> {
  const email = input.email.toLowerCase();
  if (await deps.store.findUserByEmail(email)) {
    throw fieldError("email", `${email} already has an account`);
  }
  const token = newToken("in_");
  const row: UserTokenRow = {
    id: newId("inv"),
    kind: "invite",
    tokenHash: hashToken(token),
    email,
    role: input.role,
    createdAt: deps.now().toISOString(),
    expiresAt: later(deps, INVITE_TTL_MS),
    usedAt: null,
  };
  await deps.store.insertUserToken(row);
  return { invite: toInvite(row), url: `${deps.publicUrl}/console/invite?token=${token}` };
}

/** The setup or invite token, if it can still be used; 404 otherwise (unknown, used, expired, or setup done). */
async function usableToken(deps: Deps, token: string, ops: StoreOps = deps.store): Promise<UserTokenRow> {
  const row = await ops.findUserToken(hashToken(token));
  const now = deps.now().toISOString();
  const gone = (why: string) => new DomainError("not_found", why);
  if (!row) throw gone("This link is not valid. Ask for a new one.");
  if (row.usedAt !== null) throw gone("This link was already used. Sign in, or ask for a new one.");
  if (row.expiresAt <= now) {
    throw gone(
      row.kind === "setup"
        ? "This setup link has expired. Restart the server to print a new one."
        : "This invite has expired. Ask the person who invited you for a new one.",
    );
  }
  if (row.kind === "setup" && (await ops.countUsers()) > 0) {
    throw gone("The console is already set up. Sign in, or ask its owner for an invite.");
  }
  return row;
}

/** What a link's token is for, before it is used. */
export async function lookupToken(deps: Deps, token: string): Promise<TokenInfo> {
  const row = await usableToken(deps, token);
  return { kind: row.kind, email: row.email, role: row.role, expiresAt: row.expiresAt };
}

function fieldError(field: string, message: string): DomainError {
  return new DomainError("validation_failed", message, { issues: [{ path: [field], code: "custom", message }] });
}

/** A new session for the user: the cookie's token (returned, never stored) and the row. */
async function startSession(deps: Deps, user: UserRow): Promise<{ token: string; session: SessionRow }> {
  const token = newToken("ss_");
  const now = deps.now().toISOString();
  const session: SessionRow = {
    id: newId("ses"),
    userId: user.id,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: later(deps, SESSION_TTL_MS),
    lastSeenAt: now,
  };
  await deps.store.insertSession(session);
  return { token, session };
}

/** A signed-in session: the user, the session row, and the cookie's token. */
export interface StartedSession {
  user: UserRow;
  session: SessionRow;
  token: string;
}

/**
 * Uses a setup or invite link: the account is created and signed in. The token is marked used in the same
 * transaction, so of two racing uses one creates the account and the other is told the link was used.
 */
export async function acceptToken(deps: Deps, input: Accept): Promise<StartedSession> {
  const passwordHash = await hashPassword(input.password);
  const user = await deps.store.transaction(async (tx) => {
    const row = await usableToken(deps, input.token, tx);
    const email = (row.kind === "invite" ? row.email : input.email?.toLowerCase()) ?? "";
    if (email === "") throw fieldError("email", "Enter the email address you will sign in with");
    const now = deps.now().toISOString();
    if (!(await tx.useUserToken(row.id, now))) {
      throw new DomainError("not_found", "This link was already used. Sign in, or ask for a new one.");
    }
    const user: UserRow = {
      id: newId("usr"),
      email,
      name: input.name,
      role: row.role,
      passwordHash,
      createdAt: now,
      updatedAt: now,
      lastSignInAt: now,
    };
    try {
      await tx.insertUser(user);
    } catch (err) {
      if (err instanceof UniqueViolationError) throw fieldError("email", `${email} already has an account; sign in`);
      throw err;
    }
    return user;
  });
  return { user, ...(await startSession(deps, user)) };
}

/**
 * Signs in with email and password; 401 for either wrong (without saying which). The rate limit is the caller's
 * (it knows the client's IP). An unknown email costs the same scrypt work as a known one.
 */
export async function signIn(deps: Deps, email: string, password: string): Promise<StartedSession> {
  const user = await deps.store.findUserByEmail(email.toLowerCase());
  const ok = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !ok) throw new DomainError("unauthorized", "Wrong email or password");
  const now = deps.now().toISOString();
  const updated = (await deps.store.updateUser(user.id, { lastSignInAt: now })) ?? user;
  return { user: updated, ...(await startSession(deps, updated)) };
}

/** The session a cookie's token opens, with its user; undefined when unknown, expired or revoked. */
export async function sessionFor(
  deps: Deps,
  token: string,
): Promise<{ user: UserRow; session: SessionRow } | undefined> {
  const now = deps.now();
  const found = await deps.store.findSession(hashToken(token), now.toISOString());
  if (!found) return undefined;
  const staleBefore = new Date(now.getTime() - SEEN_RESOLUTION_MS).toISOString();
  if (found.session.lastSeenAt <= staleBefore) {
    // Bookkeeping only: a database that cannot take this write must not sign anyone out.
    await deps.store.touchSession(found.session.id, now.toISOString(), staleBefore).catch(() => {});
  }
  return found;
}

/** Ends one session. */
export async function signOut(deps: Deps, sessionId: string): Promise<void> {
  await deps.store.deleteSession(sessionId);
}

/** Ends every session of the user (every browser they signed in on). */
export async function signOutEverywhere(deps: Deps, userId: string): Promise<number> {
  return deps.store.deleteUserSessions(userId);
}

/** The users, oldest first, and the invites still open. */
export async function listTeam(deps: Deps): Promise<Team> {
  const [users, invites] = await Promise.all([
    deps.store.listUsers(),
    deps.store.listOpenInvites(deps.now().toISOString()),
  ]);
  return { users: users.map(toUser), invites: invites.map(toInvite) };
}

/** The team always keeps one owner, or nobody could manage keys, webhooks or the team again. */
async function keepAnOwner(deps: Deps, user: UserRow, action: string): Promise<void> {
  if (user.role !== "owner") return;
  const owners = (await deps.store.listUsers()).filter((u) => u.role === "owner");
  if (owners.length <= 1) {
    throw fieldError("role", `${user.email} is the only owner; make someone else an owner before you ${action}`);
  }
}

/** Changes a user's role; their sessions carry on with the new role at once. */
export async function changeRole(deps: Deps, id: string, role: Role): Promise<User> {
  const user = await deps.store.getUser(id);
  if (!user) throw new DomainError("not_found", `No user ${id}`);
  if (user.role === role) return toUser(user);
  if (role !== "owner") await keepAnOwner(deps, user, "change their role");
  const updated = await deps.store.updateUser(id, { role, updatedAt: deps.now().toISOString() });
  if (!updated) throw new DomainError("not_found", `No user ${id}`);
  return toUser(updated);
}

/** Removes a user; their sessions end at once. */
export async function removeUser(deps: Deps, id: string): Promise<void> {
  const user = await deps.store.getUser(id);
  if (!user) throw new DomainError("not_found", `No user ${id}`);
  await keepAnOwner(deps, user, "remove them");
  await deps.store.deleteUser(id);
}

/** Withdraws an invite: its link stops working. */
export async function revokeInvite(deps: Deps, id: string): Promise<void> {
  if (!(await deps.store.deleteInvite(id))) throw new DomainError("not_found", `No open invite ${id}`);
}
