/**
 * @module The key of a new question, made from its label: what the answers are stored and exported under, so it
 * follows the contract's pattern (`^[a-z][a-z0-9_]{0,39}$`) and is unique in the widget.
 */

/**
 * `"Your level?"` → `your_level`; `"Niveau écrit"` → `niveau_ecrit`; a label with no Latin letters → `question`;
 * `_2`, `_3` … when the key is taken.
 * @example keyFromLabel("Your level", ["level"]) // "your_level"
 */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 36)
    .replace(/_+$/, "");
  const base = words || "question";
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}
