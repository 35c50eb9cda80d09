/**
 * @module The signed-in shell: on a desktop a sidebar (brand, user menu, navigation), on a phone a top bar (brand,
 * user menu) with the navigation as a tab bar at the bottom. One `<nav>` in the DOM, placed by CSS.
 */
import { type ComponentChildren, h } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "./api.js";
import { Link } from "./router.js";
import { useSession } from "./session.js";
import { Icon, type IconName } from "./ui/icons.js";
import { toast } from "./ui/toast.js";

/** The sections in the navigation; `match` is the first path segment that marks one current. */
export const NAV: readonly { to: string; label: string; icon: IconName; match: string }[] = [
  { to: "/", label: "Overview", icon: "overview", match: "" },
  { to: "/widgets", label: "Widgets", icon: "widgets", match: "widgets" },
  { to: "/slots", label: "Slots", icon: "slots", match: "slots" },
  { to: "/bookings", label: "Bookings", icon: "bookings", match: "bookings" },
  { to: "/settings", label: "Settings", icon: "settings", match: "settings" },
];

/** The section a path belongs to. */
export function sectionOf(path: string): string {
  return path.split("/")[1] ?? "";
}

/** Initials for the avatar: "Ada Lovelace" → "AL". */
export function initials(name: string, email: string): string {
  const words = (name.trim() || email).split(/[\s@.]+/).filter(Boolean);
  return ((words[0]?.[0] ?? "?") + (words.length > 1 ? (words[1]?.[0] ?? "") : "")).toUpperCase();
}

function UserMenu() {
  const { session, setSession } = useSession();
  const { user } = session;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>(".user-button")?.focus();
      }
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const signOut = async (everywhere: boolean) => {
    try {
      await (everywhere ? api().auth.signOutEverywhere() : api().auth.signOut());
    } catch {
      // Signed out either way on this side: the cookie is the server's to clear, and a 401 means it already is.
    }
    toast(everywhere ? "Signed out on every device" : "Signed out");
    setSession(null);
  };
  return (
    <div class="user-menu" ref={root}>
      <button
        type="button"
        class="user-button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {initials(user.name, user.email)}
        </span>
        <span class="user-name">{user.name || user.email}</span>
        <span class="visually-hidden">: account menu</span>
        <Icon name="chevron" size={16} />
      </button>
      {open && (
        <div class="user-panel" id="user-menu-panel">
          <p class="user-panel-who">
            <strong>{user.name}</strong>
            <span class="muted">{user.email}</span>
            <span class="badge badge-info">{user.role}</span>
          </p>
          <button type="button" class="menu-item" onClick={() => signOut(false)}>
            <Icon name="logout" size={16} /> Sign out
          </button>
          <button type="button" class="menu-item" onClick={() => signOut(true)}>
            <Icon name="logout" size={16} /> Sign out everywhere
          </button>
        </div>
      )}
    </div>
  );
}

/** The console around a signed-in page. */
export function Shell({ path, children }: { path: string; children: ComponentChildren }) {
  const section = sectionOf(path);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <div class="sidebar">
        <header class="topbar">
          <Link to="/" class="brand" aria-label="Slotbook console, overview">
            <span class="brand-mark" aria-hidden="true" />
            <span class="brand-name">Slotbook</span>
          </Link>
          <UserMenu />
        </header>
        <nav class="nav" aria-label="Console">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} class="nav-link" current={section === item.match}>
                  <Icon name={item.icon} size={20} />
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <main id="main" class="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** The frame of the pages before sign-in (sign in, setup, invite): the brand and one card. */
export function AuthFrame({ children }: { children: ComponentChildren }) {
  return (
    <main id="main" class="auth">
      <div class="auth-brand">
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">Slotbook</span>
      </div>
      <div class="auth-card">{children}</div>
    </main>
  );
}
