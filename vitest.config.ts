import { defineConfig } from "vitest/config";

/**
 * Two projects: test files that replace modules (vi.mock) run isolated, each in a fresh module
 * graph; every other file shares one per worker, which saves most of the start-up cost on the
 * 2-core CI machine. A new test that mocks a module belongs in ISOLATED.
 */
const ISOLATED = ["test/gen/cli-refusal.test.ts"];

const shared = {
  setupFiles: ["./test/setup.ts"],
  testTimeout: 60_000,
};

export default defineConfig({
  test: {
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    projects: [
      { extends: true, test: { ...shared, name: "isolated", include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: { ...shared, name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false },
      },
    ],
  },
});
