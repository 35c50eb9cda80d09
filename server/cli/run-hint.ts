/** @module How to run the CLI again, for the "next step" lines commands print: it differs in a checkout and a package. */

/**
 * The command prefix that runs `slotbook` from where this copy lives: `npx slotbook` when installed as a package
 * (its `bin` is linked then), else the checkout's npm script (npm does not link a package's own bins in its clone;
 * `-s` keeps npm's banner out of output such as a CSV).
 * @example `${runHint()} snippet --widget wgt_demo` // "npm run -s slotbook -- snippet --widget wgt_demo" in a clone
 */
export function runHint(moduleUrl: string = import.meta.url): string {
  return moduleUrl.includes("/node_modules/") ? "npx slotbook" : "npm run -s slotbook --";
}
