import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Resolves the dashboard test's browser once (the npm-shipped Chromium unpacks to a fixed file).
    globalSetup: ["test/global-setup.ts"],
    // End-to-end tests spawn the built server; give a loaded 2-core machine room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
