/** Jest runs TypeScript through ts-jest without type checking (`npm run lint` type-checks). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", isolatedModules: true, esModuleInterop: true } }],
  },
  setupFiles: ["<rootDir>/test/setup.ts"],
  // Math calls through Jest's sandbox proxy are 20-50x slower (jestjs/jest#5163); the numeric tests need the real one.
  sandboxInjectedGlobals: ["Math"],
};
