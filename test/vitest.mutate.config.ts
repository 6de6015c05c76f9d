import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against mutants of src/sim and src/audit/rules (npm run mutate): the
 * simulator, audit and model suites. The command-line and scaling suites also reach these modules;
 * leaving them out keeps a mutant's test run to a second or two on 2 cores, at the price that a
 * mutant only they would notice counts as survived (the score is a floor).
 */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    setupFiles: ["./test/setup.ts"],
    testTimeout: 60_000,
    include: ["test/sim/**/*.test.ts", "test/audit/**/*.test.ts", "test/model/**/*.test.ts"],
    exclude: [
      "test/sim/cli.test.ts",
      "test/sim/review-cli.test.ts",
      "test/audit/cli.test.ts",
      // Size and speed tests (seconds each) run every rule over thousands of objects, so every
      // mutant would run them, some for longer than Stryker's timeout; they test the engine's
      // scaling and the report formats, not the rules' decisions.
      "test/audit/scale.test.ts",
      "test/audit/json-stream.test.ts",
      "test/audit/format.test.ts",
      "test/model/profile-index.test.ts",
    ],
    isolate: false,
  },
});
