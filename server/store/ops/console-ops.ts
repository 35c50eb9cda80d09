/** @module The console's rows: users, sessions, setup and invite tokens, and the funnel's daily counters. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import { SESSION_COLUMNS, toColumns, USER_COLUMNS, USER_TOKEN_COLUMNS } from "../row-mapping.js";
import type { FunnelStep, FunnelTotalsRow, SessionRow, StoreOps, UserRow, UserTokenRow } from "../types.js";
import { atomically } from "./atomically.js";

type Db = Kysely<Database>;
type UserPatch = Parameters<StoreOps["updateUser"]>[1];

const STEP_COLUMN = { views: "views", slotSelected: "slot_selected", formStarted: "form_started" } as const;

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto("users").values(toColumns(row)).execute();
}

export function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").select(USER_COLUMNS).where("email", "=", email).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom("users").select(USER_COLUMNS).orderBy("created_at").orderBy("id").execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(db: Db, id: string, patch: UserPatch): Promise<UserRow | undefined> {
  await db.updateTable("users").set(toColumns(patch)).where("id", "=", id).execute();
  return getUser(db, id);
}

/** Deletes the user and their sessions (also where foreign keys are not enforced). */
export function deleteUser(db: Db, id: string): Promise<boolean> {
  return atomically(db, async (trx) => {
    await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
    const result = await trx.deleteFrom("users").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(toColumns(row)).execute();
}

/** The unexpired session with this token hash, and its user, in one read. */
export async function findSession(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db
    .selectFrom("sessions")
    .select(SESSION_COLUMNS)
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  if (session === undefined) return undefined;
  const user = await getUser(db, session.userId);
  return user === undefined ? undefined : { session, user };
}

export async function touchSession(db: Db, id: string, at: string, unlessAfter: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: at })
    .where("id", "=", id)
    .where("last_seen_at", "<=", unlessAfter)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Drops sessions, and setup and invite tokens, that expired before `before`. */
export async function purgeSessions(db: Db, before: string): Promise<number> {
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<", before).executeTakeFirst();
  const tokens = await db.deleteFrom("user_tokens").where("expires_at", "<", before).executeTakeFirst();
  return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows);
}

export async function insertUserToken(db: Db, row: UserTokenRow): Promise<void> {
  await db.insertInto("user_tokens").values(toColumns(row)).execute();
}

export function findUserToken(db: Db, tokenHash: string): Promise<UserTokenRow | undefined> {
  return db.selectFrom("user_tokens").select(USER_TOKEN_COLUMNS).where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Marks the token used only if it is not yet: of two racing uses, one wins. */
export async function useUserToken(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("user_tokens")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function listOpenInvites(db: Db, now: string): Promise<UserTokenRow[]> {
  return db
    .selectFrom("user_tokens")
    .select(USER_TOKEN_COLUMNS)
    .where("kind", "=", "invite")
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function deleteInvite(db: Db, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("user_tokens")
    .where("id", "=", id)
    .where("kind", "=", "invite")
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** One statement on both engines: insert the day's row with 1, or add 1 to it. */
export async function countFunnelStep(
  db: Db,
  widgetId: string,
  day: string,
  source: string,
  step: FunnelStep,
): Promise<void> {
  const column = STEP_COLUMN[step];
  await db
    .insertInto("funnel_daily")
    .values({ widget_id: widgetId, day, source, views: 0, slot_selected: 0, form_started: 0, [column]: 1 })
    .onConflict((oc) =>
      oc
        .columns(["widget_id", "day", "source"])
        .doUpdateSet((eb) => ({ [column]: eb(`funnel_daily.${column}`, "+", 1) })),
    )
    .execute();
}

export async function funnelTotals(
  db: Db,
  fromDay: string,
  toDay: string,
  widgetId?: string,
): Promise<FunnelTotalsRow[]> {
  let query = db
    .selectFrom("funnel_daily")
    .select((eb) => [
      "widget_id as widgetId",
      "source",
      eb.fn.sum<number>("views").as("views"),
      eb.fn.sum<number>("slot_selected").as("slotSelected"),
      eb.fn.sum<number>("form_started").as("formStarted"),
    ])
    .where("day", ">=", fromDay)
    .where("day", "<=", toDay);
  if (widgetId !== undefined) query = query.where("widget_id", "=", widgetId);
  const rows = await query.groupBy(["widget_id", "source"]).execute();
  // PostgreSQL's sum of integers is a bigint (a string from pg).
  return rows.map((row) => ({
    widgetId: row.widgetId,
    source: row.source,
    views: Number(row.views),
    slotSelected: Number(row.slotSelected),
    formStarted: Number(row.formStarted),
  }));
}
