/** @module The console's entry: renders the app into `#app` (console/index.html). */
import { h, render } from "preact";
import { App } from "./app.js";

render(<App />, document.getElementById("app")!);
