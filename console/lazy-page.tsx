/**
 * @module `lazyPage()`: a page whose code loads the first time it is shown, as its own chunk. Smaller than
 * preact/compat's `lazy` + `Suspense`, which would bring compat's whole React layer into the first load.
 */
import { type ComponentType, h } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Spinner } from "./ui/spinner.js";

/** Props every page gets from the router. */
export interface PageProps {
  /** `:name` segments of the route, and `*` for the rest of the path under a `/*` route. */
  params: Record<string, string>;
}

type Loader = () => Promise<{ default: ComponentType<PageProps> }>;

/**
 * A component that imports `load` when first rendered, shows a spinner meanwhile, and says so when the chunk cannot
 * load (a new release replaced it, or the network is down).
 * @example const Bookings = lazyPage(() => import("./pages/bookings.js"));
 */
export function lazyPage(load: Loader): ComponentType<PageProps> {
  let loaded: ComponentType<PageProps> | undefined;
  let pending: Promise<void> | undefined;
  const start = () => {
    pending ??= load().then((module) => {
      loaded = module.default;
    });
    return pending;
  };
  return function LazyPage(props: PageProps) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady((n) => n + 1),
        () => {
          pending = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return h(loaded, props);
    if (failed) {
      return (
        <div class="notice notice-error" role="alert">
          <p>This page could not be loaded. The console may have been updated, or the connection dropped.</p>
          <button type="button" class="btn" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      );
    }
    return <Spinner label="Loading page" />;
  };
}
