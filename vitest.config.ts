import { defineConfig } from "vitest/config";

// The project's own tests. Lab tests (labs/*/*.test.ts) are not run directly: test/labs.test.ts grades
// every lab through the real grader, the way a learner's code is graded.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/fixtures/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
