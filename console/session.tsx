/**
 * @module Who is signed in, for every page: `useSession()` gives the session and what the role may do. The server
 * enforces roles on every route; the console only hides or disables what would be refused.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Role, Session } from "../sdk/schemas/console.js";

/** What the app shares with its pages. */
export interface SessionState {
  session: Session;
  /** Replaces the session (after a role change of one's own) or ends it (`null`: back to sign-in). */
  setSession: (session: Session | null) => void;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The roles, with what each may do, for the role pickers. */
export const ROLES: readonly { value: Role; label: string; what: string }[] = [
  { value: "owner", label: "Owner", what: "everything, including the team, API keys and webhooks" },
  { value: "editor", label: "Editor", what: "widgets, slots and bookings" },
  { value: "viewer", label: "Viewer", what: "looks at everything, changes nothing" },
];

/** What a role may change: editors and owners widgets, slots and bookings; only owners keys, webhooks and the team. */
export function permissions(role: Role): { canEdit: boolean; isOwner: boolean } {
  return { canEdit: role === "owner" || role === "editor", isOwner: role === "owner" };
}

/** Why a write control is disabled, for its tooltip. */
export function needsRole(role: "editor" | "owner"): string {
  return role === "owner" ? "Only an owner can change this" : "Viewers can look but not change; ask an owner";
}

/**
 * The signed-in user and their permissions; only inside the signed-in shell.
 * @example const { canEdit } = useSession(); <Button disabled={!canEdit}>New slot</Button>
 */
export function useSession(): SessionState & ReturnType<typeof permissions> {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside the signed-in console");
  return { ...state, ...permissions(state.session.user.role) };
}

/** What the pages before sign-in call with the new session (sign in, setup, invite); the app takes it from there. */
export const SignedInContext = createContext<(session: Session, next?: string) => void>(() => {});
