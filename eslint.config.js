// Lint is part of `npm test`. Type-aware rules stay off to keep the run fast on two cores;
// `tsc --noEmit` does the type checking.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "web/dist/**", ".pqms/**", "coverage/**", "artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
      // One idiom for an unchecked index read: `xs[i]!`, not `xs[i] as number` (which would also
      // hide a real type mismatch). A genuine cast says why beside an eslint-disable comment.
      "no-restricted-syntax": ["error", {
        selector: "TSAsExpression[typeAnnotation.type='TSNumberKeyword'] > MemberExpression.expression[computed=true]",
        message: "Write an unchecked index read as `xs[i]!`.",
      }],
    },
  },
  {
    files: ["src/numeric/**", "src/quantum/**", "src/model/**", "src/sim/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error",
        { object: "Math", property: "random", message: "Use a seeded stream from numeric/random." },
        { object: "Date", property: "now", message: "model/sim/numeric/quantum never read the wall clock." },
        { object: "performance", property: "now", message: "model/sim/numeric/quantum never read the wall clock." }],
      "no-restricted-globals": ["error", "setTimeout", "setInterval"],
    },
  },
);
