import { describe, expect, it } from "vitest";
import { formFieldSchema } from "../../../sdk/schemas/widget-admin.js";
import { keyFromLabel } from "./field-key.js";

describe("keyFromLabel", () => {
  it("makes a key the contract accepts from any label", () => {
    expect(keyFromLabel("Your level?", [])).toBe("your_level");
    expect(keyFromLabel("Niveau écrit", [])).toBe("niveau_ecrit");
    expect(keyFromLabel("  2nd choice ", [])).toBe("nd_choice");
    expect(keyFromLabel("आपका स्तर", [])).toBe("question");
    expect(keyFromLabel("", [])).toBe("question");
    const long = keyFromLabel("a".repeat(80), []);
    for (const key of [long, keyFromLabel("Your level?", []), keyFromLabel("", ["question"])]) {
      expect(formFieldSchema.shape.key.safeParse(key).success, key).toBe(true);
    }
  });

  it("numbers a key that is taken", () => {
    expect(keyFromLabel("Level", ["level"])).toBe("level_2");
    expect(keyFromLabel("Level", ["level", "level_2"])).toBe("level_3");
  });
});
