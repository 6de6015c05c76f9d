import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against mutants of src/sim and src/audit/rules (npm run mutate): the
 * simulator, audit and model suites. The command-line suites also reach these modules, but only
 * through them; leaving them out keeps the initial coverage run within minutes on 2 cores, at the
 * price that a mutant only a CLI test would notice counts as survived (the score is a floor).
 */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    setupFiles: ["./test/setup.ts"],
    testTimeout: 60_000,
    include: ["test/sim/**/*.test.ts", "test/audit/**/*.test.ts", "test/model/**/*.test.ts"],
    exclude: ["test/sim/cli.test.ts", "test/sim/review-cli.test.ts", "test/audit/cli.test.ts"],
    isolate: false,
  },
});
