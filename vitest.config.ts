import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * One vitest process for the whole repository, one DynamoDB Local for the whole run (the
 * global setup), and a worker pool that leaves a core to the JVM every store test talks to.
 */
const projects = [
  "packages/domain",
  "packages/store",
  "packages/core",
  "packages/http",
  "apps/publish",
  "apps/public",
  "apps/notices",
  "apps/supervision",
  "apps/local",
  "infra",
  "tests",
];

export default defineConfig({
  test: {
    globalSetup: ["packages/store/src/testing/global-setup.ts"],
    projects: projects.map((root) => ({
      test: {
        name: root,
        root,
        testTimeout: 30_000,
        hookTimeout: 30_000,
        isolate: false,
        ...(root === "tests" ? { globalSetup: ["e2e/demo-template.ts"] } : {}),
      },
    })),
    maxWorkers: Math.max(1, availableParallelism() - 1),
  },
});
