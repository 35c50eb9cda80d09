/**
 * @module The manage page's script (`/manage.js`, an ES module of its own beside widget.js, so the embed script
 * stays its size): reads the booking and token the page gives, takes the token out of the address bar, and mounts
 * the app. Strings load on demand from beside the script: the widget's (`widget-es.js`) and the page's own
 * (`manage-es.js`).
 */
import { createHttp } from "../../sdk/client/http.js";
import { defaultOptions } from "../../sdk/client/options.js";
import { publicRoutes } from "../../sdk/client/public-routes.js";
import { fetchTransport } from "../../sdk/client/transport.js";
import { visitorTimeZone } from "../format-slot-time.js";
import { MANAGE_PAGE_CSS } from "./manage-css.js";
import { mountManage } from "./manage-mount.js";
import { readManageTarget } from "./manage-target.js";

const element = document.querySelector<HTMLElement>("[data-slotbook-manage]");
if (element) {
  // The API is where this script is: the server serves it at PUBLIC_URL/manage.js, also under a mount prefix.
  const api = new URL(".", import.meta.url).href.replace(/\/$/, "");
  const target = readManageTarget(element, location, history);
  const page = new CSSStyleSheet();
  page.replaceSync(MANAGE_PAGE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
  const options = defaultOptions(api);
  const file = (name: string) => new URL(`./${name}.js`, import.meta.url).href;
  mountManage(
    element,
    { ...target, api, timeZone: visitorTimeZone() },
    {
      // Same release as the server, as widget.js: answers are trusted, not parsed again (see mount.tsx).
      client: publicRoutes(createHttp(options, fetchTransport(options))),
      catalogues: (lang) => import(/* @vite-ignore */ file(`widget-${lang}`)).then((m) => m[lang]),
      manageCatalogues: (lang) =>
        import(/* @vite-ignore */ file(`manage-${lang}`)).then((m) => Object.values(m)[0] as never),
    },
  );
}
