// `npm run lint`: typescript-eslint's type-checked recommended rules over src/, test/ and scripts/,
// using the types of tsconfig.json (the same program `npm run typecheck` checks).
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "*.mcpb"] },
  {
    // A disable comment that no longer silences anything is an error, like one without a reason.
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "@eslint-community/eslint-comments": comments },
    rules: {
      "@eslint-community/eslint-comments/require-description": "error",
      "@eslint-community/eslint-comments/no-unlimited-disable": "error",
    },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `{ host: _host, ...rest }` drops a field on purpose; `_x` marks a parameter kept for its position.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // An abort rejects with the signal's own reason (typed any), as signal.throwIfAborted() throws it;
      // the same allowances only-throw-error makes by default.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // stdout is the MCP transport: product code never writes to the console.
    files: ["src/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    // The stdout guard: it replaces console.* so that stray output goes to stderr, redacted.
    files: ["src/log.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Tests read raw API answers, manifest.json and server.json as untyped JSON (an assertion fails
    // when a shape is wrong), and fake async interfaces with async functions that need no await.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Scripts are plain ESM typed with JSDoc: the no-unsafe-* rules do not see JSDoc casts
    // (/** @type {T} */ (x) is just x to them), so every JSON.parse or dynamic import would trip them.
    files: ["scripts/**/*.mjs"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
