import { defineConfig } from "vitest/config";

// Importing every handler loads the whole app graph; under a parallel CI run that takes a while.
export default defineConfig({ test: { testTimeout: 60_000 } });
