/**
 * @module `npm run build`: compiles what changed and nothing else, so `npm start` on a built checkout starts at once.
 * Step 1, `tsc -p tsconfig.build.json` (incremental), runs when a source under sdk/, server/ or widget/ or a config
 * file is newer than its last run; step 2, `vite build` (the widget bundle), when a source the widget bundles is newer
 * than dist/embed/widget.js; step 3, the console (`vite build --config console/vite.config.ts`), when a source under
 * console/ or sdk/ is newer than dist/console/index.html. `--force` runs all three.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");

/** Newest modification time of the files under `dir` that `test` accepts. */
function newest(dir, test) {
  let time = 0;
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path, test));
    else if (test(entry.name)) time = Math.max(time, statSync(join(ROOT, path)).mtimeMs);
  }
  return time;
}

const mtime = (file) => (existsSync(join(ROOT, file)) ? statSync(join(ROOT, file)).mtimeMs : 0);
const sources = (dirs) => Math.max(...dirs.map((dir) => newest(dir, (name) => /\.(tsx?|css|html)$/.test(name))));
const configs = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "vite.config.ts"].map(
  mtime,
);

function step(name, output, inputs, command, args) {
  if (!force && mtime(output) > 0 && mtime(output) >= inputs) return;
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves an unchanged tsbuildinfo's time alone; touch it so the next check sees this run.
  if (existsSync(join(ROOT, output))) utimesSync(join(ROOT, output), new Date(), new Date());
  if (process.env.SLOTBOOK_BUILD_VERBOSE) console.error(`${name}: ${Date.now() - started} ms`);
}

const bin = (name) => join(ROOT, "node_modules", ".bin", name);
step("tsc", "dist/.tsbuildinfo", Math.max(sources(["sdk", "server", "widget"]), ...configs), bin("tsc"), [
  "-p",
  "tsconfig.build.json",
]);
step("vite", "dist/embed/widget.js", Math.max(sources(["sdk", "widget"]), ...configs), bin("vite"), [
  "build",
  "--logLevel",
  "warn",
]);
// The manage page's script and catalogues, a build of their own so widget.js shares no chunk with them.
step("manage", "dist/embed/manage.js", Math.max(sources(["sdk", "widget"]), ...configs), bin("vite"), [
  "build",
  "--config",
  "widget/manage/vite.config.ts",
  "--logLevel",
  "warn",
]);
step("console", "dist/console/index.html", Math.max(sources(["sdk", "console"]), ...configs), bin("vite"), [
  "build",
  "--config",
  "console/vite.config.ts",
  "--logLevel",
  "warn",
]);
