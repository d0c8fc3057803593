import { defineConfig } from "vitest/config";

// Each file starts the whole local stack (its own DynamoDB Local) on a random port.
export default defineConfig({
  test: { include: ["e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
});
