/**
 * @module The console app: checks the session, then shows the page for the path inside the shell, or the sign-in,
 * setup and invite pages before it.
 *
 * How to add a page:
 * 1. Write `console/pages/<name>.tsx` with a default export `function NamePage({ params }: PageProps)`; start it with
 *    `<PageHeader title="…" />` (sets the document title, takes focus after a navigation).
 * 2. Add a line to `ROUTES` below: `{ path: "/name/*", page: lazyPage(() => import("./pages/name.js")) }`. The page is
 *    its own chunk, loaded when first shown. `:id` segments and the `*` rest arrive in `params`; `useLocation()` from
 *    `./router.js` gives the query, `navigate("/name/x")` and `<Link to="/name/x">` move.
 * 3. If it belongs in the navigation, add it to `NAV` in `./layout.tsx`.
 * Load data with `useLoad` and change it with `useAction` from `./api.js`; `useSession()` from `./session.js` says
 * what the role may do (hide or disable writes for viewers; the server refuses them anyway).
 */
import { type ComponentType, Fragment, h } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import type { Session } from "../sdk/schemas/console.js";
import { api, isUnauthorized, setUnauthorizedHandler } from "./api.js";
import { AuthFrame, Shell } from "./layout.js";
import { lazyPage, type PageProps } from "./lazy-page.js";
import NotFoundPage from "./pages/not-found.js";
import SignInPage from "./pages/sign-in.js";
import { matchRoute, navigate, useLocation } from "./router.js";
import { SessionContext, SignedInContext } from "./session.js";
import { ConfirmHost } from "./ui/dialog.js";
import { LoadError } from "./ui/notice.js";
import { Spinner } from "./ui/spinner.js";
import { Toaster } from "./ui/toast.js";

interface Route {
  path: string;
  page: ComponentType<PageProps>;
}

/** The signed-in pages, first match wins. */
export const ROUTES: Route[] = [
  { path: "/", page: lazyPage(() => import("./pages/overview.js")) },
  { path: "/widgets/*", page: lazyPage(() => import("./pages/widgets.js")) },
  { path: "/slots/*", page: lazyPage(() => import("./pages/slots.js")) },
  { path: "/bookings/*", page: lazyPage(() => import("./pages/bookings.js")) },
  { path: "/settings/*", page: lazyPage(() => import("./pages/settings.js")) },
];

const acceptPage = lazyPage(() => import("./pages/accept.js"));

/** The pages before sign-in. Sign-in is in the first load: it is what a signed-out visit shows first. */
export const PUBLIC_ROUTES: Route[] = [
  { path: "/sign-in", page: SignInPage },
  { path: "/setup", page: acceptPage },
  { path: "/invite", page: acceptPage },
];

/** The route for a path and its params; the not-found page when none matches. */
export function resolve(
  routes: Route[],
  path: string,
): { page: ComponentType<PageProps>; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchRoute(route.path, path);
    if (params) return { page: route.page, params };
  }
  return undefined;
}

/** Where to send someone who must sign in: the sign-in page, coming back to `full` afterwards. */
export function signInPath(full: string): string {
  return full === "/" || full.startsWith("/sign-in") ? "/sign-in" : `/sign-in?next=${encodeURIComponent(full)}`;
}

/** Only console paths are followed after sign-in (`next=https://evil.example` is ignored). */
export function safeNext(next: string | null | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** The whole console. */
export function App() {
  const location = useLocation();
  // undefined: still asking the server; null: nobody signed in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [bootError, setBootError] = useState<unknown>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setBootError(undefined);
    api()
      .auth.session()
      .then(
        (found) => live && setSession(found),
        (error: unknown) => {
          if (!live) return;
          if (isUnauthorized(error)) setSession(null);
          else setBootError(error);
        },
      );
    return () => {
      live = false;
    };
  }, [round]);

  useEffect(() => setUnauthorizedHandler(() => setSession(null)), []);

  const signedIn = useCallback((next: Session, to?: string) => {
    setSession(next);
    navigate(safeNext(to), { replace: true });
  }, []);

  const publicRoute = resolve(PUBLIC_ROUTES, location.path);
  const needsSignIn = !publicRoute && session === null;
  useEffect(() => {
    if (needsSignIn) navigate(signInPath(location.full), { replace: true });
  }, [needsSignIn, location.full]);
  // Signed in already: the sign-in page goes straight on to where it was to lead.
  const alreadyIn = location.path === "/sign-in" && !!session;
  useEffect(() => {
    if (alreadyIn) navigate(safeNext(location.query.get("next")), { replace: true });
  }, [alreadyIn]);

  let body: h.JSX.Element;
  if (publicRoute) {
    body = (
      <SignedInContext.Provider value={signedIn}>
        <AuthFrame>{h(publicRoute.page, { params: publicRoute.params })}</AuthFrame>
      </SignedInContext.Provider>
    );
  } else if (bootError) {
    body = (
      <AuthFrame>
        <h1>The console cannot reach its server</h1>
        <LoadError error={bootError} onRetry={() => setRound((n) => n + 1)} />
      </AuthFrame>
    );
  } else if (!session) {
    body = (
      <div class="boot">
        <Spinner label="Opening the console" />
      </div>
    );
  } else {
    const route = resolve(ROUTES, location.path);
    body = (
      <SessionContext.Provider value={{ session, setSession }}>
        <Shell path={location.path}>
          {route ? (
            h(route.page, { key: location.path.split("/")[1], params: route.params })
          ) : (
            <NotFoundPage params={{}} />
          )}
        </Shell>
      </SessionContext.Provider>
    );
  }
  return (
    <>
      {body}
      <ConfirmHost />
      <Toaster />
    </>
  );
}
