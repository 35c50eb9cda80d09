/** @module One Vite config: the widget bundle (`vite build`) and every Vitest project. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["sdk/**/*.test.ts", "server/**/*.test.ts", "examples/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
