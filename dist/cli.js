#!/usr/bin/env node
import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  MergeError,
  mergeReports
} from "./chunk-NOMDZXBW.js";
import {
  ConfigError,
  DEFAULT_FAIL_ON,
  FORMATS,
  TargetError,
  builtinRulesDir,
  cadreValidator,
  formatRuleProblem,
  generateKeyPair,
  isFormat,
  loadPrivateKey,
  loadPublicKey,
  loadRenderer,
  loadRules,
  parseDuration,
  parseShard,
  resolveRules,
  runCheck,
  scan,
  signReport,
  verifyReport
} from "./chunk-PA7B4RGX.js";
import "./chunk-AQK5JCEV.js";
import {
  LineIndex,
  decode,
  discover,
  load,
  packageRoot,
  packageVersion
} from "./chunk-RTEKHZBK.js";
import {
  DOMAINS,
  LANGS,
  SEVERITIES
} from "./chunk-XADHSC5L.js";
import {
  messages,
  oneLine
} from "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";

// src/cli/main.ts
import { existsSync as existsSync5, mkdirSync as mkdirSync2, readFileSync as readFileSync5, realpathSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname, join as join5, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

// src/docs/frameworks.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
function loadFrameworkCatalogues() {
  const dir = join(packageRoot(), "frameworks");
  if (!existsSync(dir)) return [];
  const validate = cadreValidator("framework");
  return readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort().map((file) => {
    const value = load(readFileSync(join(dir, file), "utf8"));
    if (!validate(value)) throw new Error(`frameworks/${file}: ${validate.errors?.[0]?.instancePath} ${validate.errors?.[0]?.message}`);
    return value;
  });
}
var byCriterion = (a, b) => a.id.localeCompare(b.id, void 0, { numeric: true });
function frameworkCoverage(rules, catalogues, lang) {
  const checked = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    for (const reference of rule.references) {
      const criteria = checked.get(reference.framework) ?? /* @__PURE__ */ new Map();
      criteria.set(reference.criterion, (criteria.get(reference.criterion) ?? /* @__PURE__ */ new Set()).add(rule.id));
      checked.set(reference.framework, criteria);
    }
  }
  const coverage = [];
  for (const catalogue of catalogues) {
    const criteria = checked.get(catalogue.name) ?? /* @__PURE__ */ new Map();
    checked.delete(catalogue.name);
    const known = new Set(catalogue.criteria.map((c) => c.id));
    const automated = [];
    const manual = [];
    for (const criterion of catalogue.criteria) {
      const entry = { id: criterion.id, title: criterion.title[lang], rules: [...criteria.get(criterion.id) ?? []].sort(), ...criterion.note ? { note: criterion.note } : {} };
      (entry.rules.length > 0 ? automated : manual).push(entry);
    }
    for (const [id, ruleIds] of criteria) if (!known.has(id)) automated.push({ id, rules: [...ruleIds].sort() });
    coverage.push({ name: catalogue.name, title: catalogue.title[lang], url: catalogue.url, total: catalogue.criteria.length, automated: automated.sort(byCriterion), manual });
  }
  for (const [name, criteria] of [...checked].sort(([a], [b]) => a.localeCompare(b))) {
    coverage.push({
      name,
      title: name,
      automated: [...criteria].map(([id, ruleIds]) => ({ id, rules: [...ruleIds].sort() })).sort(byCriterion),
      manual: []
    });
  }
  return coverage;
}
function renderCoverage(coverage, lang) {
  const fr = lang === "fr";
  const lines = [];
  for (const framework of coverage) {
    const head = framework.total !== void 0 ? fr ? `${framework.automated.length} critère(s) vérifié(s) automatiquement sur ${framework.total}, ${framework.manual.length} à vérifier manuellement` : `${framework.automated.length} of ${framework.total} criteria checked automatically, ${framework.manual.length} to check manually` : fr ? `${framework.automated.length} critère(s) vérifié(s) automatiquement (pas de catalogue complet : les autres critères ne sont pas listés)` : `${framework.automated.length} criteria checked automatically (no full catalogue: the other criteria are not listed)`;
    lines.push(`${framework.name} — ${framework.title}`, `  ${head}`);
    for (const criterion of framework.automated) lines.push(`    ✓ ${criterion.id.padEnd(12)} ${criterion.title ? `${criterion.title} ` : ""}[${criterion.rules.join(", ")}]`);
    for (const criterion of framework.manual) lines.push(`    ○ ${criterion.id.padEnd(12)} ${criterion.title ?? ""}${criterion.note ? ` (${criterion.note})` : ""}`);
    lines.push("");
  }
  return `${lines.join("\n")}`;
}

// src/docs/write.ts
import { existsSync as existsSync4, mkdirSync, readdirSync as readdirSync4, readFileSync as readFileSync4, rmSync, writeFileSync } from "node:fs";
import { join as join4 } from "node:path";

// src/docs/rule-docs.ts
import { existsSync as existsSync3, readdirSync as readdirSync3, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { join as join3, relative } from "node:path";

// src/rules/fixture-test.ts
import { existsSync as existsSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, statSync } from "node:fs";
import { join as join2 } from "node:path";
var EXPECTATION_FILE = ".cadre-expect.yml";
var MARKS = ["ruleid", "ok", "todoruleid", "todook"];
var ANNOTATION = /(?:#|\/\/|<!--|\/\*|\*|--|;|\{#|\{\{!(?:--)?)\s*(todoruleid|ruleid|todook|ok):\s*([a-z0-9][a-z0-9-]*(?:\s*,\s*[a-z0-9][a-z0-9-]*)*)/;
var COMMENT_DEBRIS = /^(?:#|\/\/|<!--|-->|\/\*|\*\/|\*|--|;|\{#|#\}|\{\{!(?:--)?|(?:--)?\}\}|\s)*$/;
function inlineExpectations(file, text) {
  const lines = new LineIndex(text);
  const expectations = [];
  let pending = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const content = lines.lineText(line);
    const match = ANNOTATION.exec(content);
    if (match) {
      const marks = match[2].split(",").map((id) => ({ mark: match[1], ruleId: id.trim() }));
      const rest = content.slice(0, match.index) + content.slice(match.index + match[0].length);
      if (COMMENT_DEBRIS.test(rest)) {
        pending.push(...marks);
        continue;
      }
      for (const m of [...pending, ...marks]) expectations.push({ ...m, file, line });
      pending = [];
      continue;
    }
    if (pending.length > 0 && content.trim() !== "") {
      for (const m of pending) expectations.push({ ...m, file, line });
      pending = [];
    }
  }
  return expectations;
}
function sidecarExpectations(caseDir) {
  const path = join2(caseDir, EXPECTATION_FILE);
  if (!existsSync2(path)) return [];
  const entries = load(readFileSync2(path, "utf8"));
  if (!Array.isArray(entries)) throw new Error(`${EXPECTATION_FILE} must be a list`);
  return entries.map((entry) => {
    const mark = MARKS.find((m) => typeof entry[m] === "string");
    if (!mark) throw new Error(`${EXPECTATION_FILE}: each entry needs one of ${MARKS.join(", ")}`);
    return {
      mark,
      ruleId: String(entry[mark]),
      ...typeof entry.file === "string" ? { file: entry.file } : {},
      ...typeof entry.line === "number" ? { line: entry.line } : {}
    };
  });
}
var where = (file, line) => `${file ?? "(repository)"}${line !== void 0 ? `:${line}` : ""}`;
async function runCase(rule, caseDir, caseName) {
  const outcome = { ruleId: rule.id, caseName, expectations: [], missed: [], unexpected: [], stale: [], errors: [] };
  const discovery = await discover(caseDir, { exclude: [EXPECTATION_FILE] });
  for (const entry of discovery.files) {
    const read = decode(readFileSync2(join2(caseDir, entry.path)));
    if ("text" in read) outcome.expectations.push(...inlineExpectations(entry.path, read.text).filter((e) => e.ruleId === rule.id));
  }
  outcome.expectations.push(...sidecarExpectations(caseDir).filter((e) => e.ruleId === rule.id));
  const { report } = await scan({ target: caseDir, rules: [rule], lang: "en", exclude: [EXPECTATION_FILE] });
  outcome.errors = report.errors.map((e) => `${where(e.file, e.line)}: ${e.message}`);
  const reported = new Set(report.findings.map((f) => where(f.file, f.line)));
  const expectedKeys = /* @__PURE__ */ new Set();
  for (const expectation of outcome.expectations) {
    const key = where(expectation.file, expectation.line);
    if (expectation.mark === "ruleid" || expectation.mark === "todook") expectedKeys.add(key);
    if (expectation.mark === "ruleid" && !reported.has(key)) outcome.missed.push(key);
    if (expectation.mark === "todoruleid" && reported.has(key)) outcome.stale.push(`${key} is reported now: make it "ruleid"`);
    if (expectation.mark === "todook" && !reported.has(key)) outcome.stale.push(`${key} is no longer reported: make it "ok"`);
  }
  outcome.unexpected = [...reported].filter((key) => !expectedKeys.has(key));
  return outcome;
}
async function testRules(rules, fixturesRoot) {
  const outcomes = [];
  for (const rule of rules) {
    const ruleDir = join2(fixturesRoot, rule.id);
    const outcome = { ruleId: rule.id, cases: [], problems: [] };
    outcomes.push(outcome);
    if (!existsSync2(ruleDir)) {
      outcome.problems.push(`no fixtures (expected ${ruleDir}/<case>/)`);
      continue;
    }
    for (const caseName of readdirSync2(ruleDir).sort()) {
      const caseDir = join2(ruleDir, caseName);
      if (!statSync(caseDir).isDirectory()) {
        outcome.problems.push(`${caseName}: fixtures go in case folders (${rule.id}/<case>/${caseName})`);
        continue;
      }
      outcome.cases.push(await runCase(rule, caseDir, caseName));
    }
    const marks = outcome.cases.flatMap((c) => c.expectations.map((e) => e.mark));
    if (!marks.includes("ruleid")) outcome.problems.push("no case that must be reported (ruleid)");
    if (!marks.includes("ok")) outcome.problems.push("no case that must stay clean (ok)");
  }
  return outcomes;
}
function outcomeFailures(outcome) {
  return [
    ...outcome.problems,
    ...outcome.cases.flatMap((c) => [
      ...c.missed.map((m) => `${c.caseName}: expected, not reported: ${m}`),
      ...c.unexpected.map((u) => `${c.caseName}: reported, not expected: ${u}`),
      ...c.stale.map((s) => `${c.caseName}: ${s}`),
      ...c.errors.map((e) => `${c.caseName}: scan error: ${e}`)
    ])
  ];
}

// src/docs/rule-docs.ts
var DOMAIN_TITLES = {
  security: "Sécurité (conteneurs, Kubernetes, CI) — Security",
  secrets: "Secrets — Secrets",
  gdpr: "Données personnelles (RGPD) — Personal data",
  accessibility: "Accessibilité (RGAA) — Accessibility",
  ecodesign: "Écoconception (RGESN) — Eco-design",
  sovereignty: "Souveraineté — Sovereignty",
  hygiene: "Hygiène du dépôt — Repository hygiene",
  platform: "Plateforme Cloud Pi Native — Platform"
};
var SEVERITY_FR = { critical: "critique", high: "élevée", medium: "moyenne", low: "faible", info: "info" };
function ruleDocs(rules, fixturesRoot, coverage) {
  const pages = /* @__PURE__ */ new Map();
  const sorted = [...rules].sort((a, b) => a.id < b.id ? -1 : 1);
  const index = ["# Référence des règles / Rule reference", "", "<!-- Generated by `npm run docs` from rules/ and fixtures/rules/: do not edit. -->", ""];
  index.push("| domaine / domain | règles / rules |", "|---|---|");
  for (const domain of DOMAINS) {
    const inDomain = sorted.filter((r) => r.domain === domain);
    if (inDomain.length === 0) continue;
    index.push(`| [${DOMAIN_TITLES[domain]}](${domain}.md) | ${inDomain.length} |`);
    pages.set(`${domain}.md`, domainPage(domain, inDomain, fixturesRoot));
  }
  index.push("", `${sorted.length} règles / rules. Couverture des référentiels / framework coverage: [frameworks.md](frameworks.md).`, "");
  pages.set("README.md", index.join("\n"));
  pages.set("frameworks.md", frameworksPage(coverage));
  return pages;
}
function domainPage(domain, rules, fixturesRoot) {
  const out = [`# ${DOMAIN_TITLES[domain]}`, "", "<!-- Generated by `npm run docs` from rules/ and fixtures/rules/: do not edit. -->", ""];
  for (const rule of rules) out.push(...rule.id ? ruleSection(rule, fixturesRoot) : []);
  for (const rule of rules) out.push(`[${rule.id}]: #${rule.id}`);
  out.push("");
  return out.join("\n");
}
function ruleSection(rule, fixturesRoot) {
  const out = [`## ${rule.id}`, "", `**${rule.title.fr}** — *${rule.title.en}*`, ""];
  out.push(`- Gravité / severity: **${SEVERITY_FR[rule.severity]}** (${rule.severity})${rule.waivable === false ? " — ne peut pas faire l’objet d’une dérogation / cannot be waived" : ""}`);
  out.push(`- Analyse / looks at: \`${rule.target.kind}\`${rule.target.files ? ` (${rule.target.files.map((f) => `\`${f}\``).join(", ")})` : ""}`);
  out.push(`- Référentiels / references: ${rule.references.map((r) => r.url ? `[${r.framework} ${r.criterion}](${r.url})` : `${r.framework} ${r.criterion}`).join(" · ")}`);
  if (rule.parameters) {
    out.push(`- Paramètres / parameters: ${Object.entries(rule.parameters).map(([name, p]) => `\`${name}\` (${p.description}; défaut \`${JSON.stringify(p.default)}\`)`).join(", ")}`);
  }
  out.push("", `Message : ${rule.message.fr}`, "", `Correction : ${rule.remediation.fr}`, "", `*Remediation: ${rule.remediation.en}*`, "");
  const examples = fixtureExamples(rule.id, fixturesRoot);
  if (examples.bad) out.push("Signalé / reported:", "", fence(examples.bad), "");
  if (examples.good) out.push("Conforme / compliant:", "", fence(examples.good), "");
  return out;
}
function fence(example) {
  return `\`${example.file}\`

\`\`\`${languageOf(example.file)}
${example.text}
\`\`\``;
}
function languageOf(file) {
  if (/dockerfile|containerfile/i.test(file)) return "dockerfile";
  const ext = file.split(".").pop() ?? "";
  return { yaml: "yaml", yml: "yaml", json: "json", html: "html", js: "js", ts: "ts", py: "python", conf: "nginx", sql: "sql" }[ext] ?? "";
}
function fixtureExamples(ruleId, fixturesRoot) {
  const root = join3(fixturesRoot, ruleId);
  if (!existsSync3(root)) return {};
  const result = {};
  for (const file of walk(root)) {
    if (file.endsWith(".cadre-expect.yml")) continue;
    const text = readFileSync3(file, "utf8");
    if (text.includes("\0")) continue;
    const expectations = inlineExpectations(relative(root, file), text).filter((e) => e.ruleId === ruleId);
    const lines = text.split(/\r\n|\r|\n/);
    const excerpt = (line) => lines.slice(Math.max(0, line - 4), Math.min(lines.length, line + 2)).join("\n").slice(0, 1200);
    const bad = expectations.find((e) => e.mark === "ruleid" && e.line);
    const good = expectations.find((e) => e.mark === "ok" && e.line);
    if (bad && !result.bad) result.bad = { file: relative(root, file), text: excerpt(bad.line) };
    if (good && !result.good) result.good = { file: relative(root, file), text: excerpt(good.line) };
    if (result.bad && result.good) break;
  }
  return result;
}
function walk(dir) {
  return readdirSync3(dir).sort().flatMap((name) => {
    const path = join3(dir, name);
    return statSync2(path).isDirectory() ? walk(path) : [path];
  });
}
function frameworksPage(coverage) {
  const out = ["# Couverture des référentiels / Framework coverage", "", "<!-- Generated by `npm run docs`: do not edit. -->", ""];
  out.push("Ce qu’un rapport cadre sans constat prouve, et ce qu’il ne prouve pas : les critères non listés comme vérifiés restent à auditer manuellement.", "");
  out.push("*What a clean cadre report proves, and what it does not: criteria not listed as checked remain to be audited by hand.*", "");
  for (const framework of coverage) {
    out.push(`## ${framework.name}`, "");
    if (framework.url) out.push(`${framework.title} — <${framework.url}>`, "");
    out.push(
      framework.total !== void 0 ? `**${framework.automated.length}** critère(s) vérifié(s) automatiquement sur ${framework.total} ; ${framework.manual.length} à vérifier manuellement.` : `**${framework.automated.length}** critère(s) vérifié(s) automatiquement (catalogue complet non fourni).`,
      "",
      "| critère / criterion | vérifié par / checked by |",
      "|---|---|"
    );
    for (const c of framework.automated) out.push(`| ${c.id}${c.title ? ` ${c.title}` : ""} | ${c.rules.map((r) => `\`${r}\``).join(", ")} |`);
    for (const c of framework.manual) out.push(`| ${c.id}${c.title ? ` ${c.title}` : ""} | *manuel / manual*${c.note ? ` — ${c.note}` : ""} |`);
    out.push("");
  }
  return out.join("\n");
}

// src/docs/write.ts
async function writeRuleDocs(output, check) {
  const { rules, problems } = await loadRules([builtinRulesDir()]);
  if (problems.length > 0) throw new Error(`rules have problems: run cadre rules validate ${builtinRulesDir()}`);
  const pages = ruleDocs(rules, join4(packageRoot(), "fixtures", "rules"), frameworkCoverage(rules, loadFrameworkCatalogues(), "fr"));
  const existing = existsSync4(output) ? readdirSync4(output).filter((f) => f.endsWith(".md")) : [];
  const stale = [
    ...[...pages].filter(([name, text]) => !existsSync4(join4(output, name)) || readFileSync4(join4(output, name), "utf8") !== text).map(([name]) => name),
    ...existing.filter((name) => !pages.has(name))
  ].sort();
  if (check) return stale;
  mkdirSync(output, { recursive: true });
  for (const name of existing) if (!pages.has(name)) rmSync(join4(output, name));
  for (const [name, text] of pages) writeFileSync(join4(output, name), text);
  return stale;
}

// src/cli/main.ts
var EXIT = { passed: 0, failed: 1, usage: 2 };
var UsageError = class extends Error {
};
var HELP = `cadre — le cadre de normes de l'État, vérifié dans le code

Usage:
  cadre check [DIR]            analyse DIR (défaut : .)
      --rules DIR              dossier de règles supplémentaire (répétable)
      --no-builtin-rules       n'utilise que les règles de --rules / de la configuration
      --config FILE            configuration (défaut : DIR/.cadre.yml)
      --profile NOM            recommended | strict | dr | cpin | profil du projet
      --format FORMAT          console | json | sarif (défaut : console)
      --output FILE            écrit le rapport dans FILE
      --fail-on SEVERITY       critical | high | medium | low | info | none (défaut : high)
      --lang fr|en             langue des messages (défaut : fr)
      --exclude GLOB           fichiers à ignorer (répétable)
      --waivers FILE           dérogations (défaut : DIR/.cadre-waivers.yml)
      --baseline REPORT        ne signale que les constats absents de ce rapport précédent
      --sign KEY               signe le rapport (Ed25519, clé privée PEM de cadre keygen)
      --attestation            avec --sign et --format json : une attestation in-toto (DSSE)
      --timings                temps par phase et règles les plus lentes (stderr)
      --workers N|auto         fils d'exécution (défaut : auto, selon la taille du dépôt)
      --cache                  cache de contenu (DIR/.cadre-cache, ou --cache-location DIR)
      --shard K/N              n'analyse que la part K sur N des fichiers (voir cadre merge)
      --progress | --no-progress  progression sur stderr (défaut : sur un terminal, hors CI)
  cadre rules list [--rules DIR] [--lang fr|en] [--format console|json]
  cadre rules validate DIR...  vérifie des fichiers de règles, toutes les erreurs d'un coup
  cadre rules test [--rules DIR --fixtures DIR] [--only ID]
                               exécute les règles sur leurs fixtures (ruleid: / ok:)
  cadre merge REPORT... [--output FILE]
                               réunit les rapports des parts d'une analyse répartie
  cadre verify REPORT [--key PUB] [--commit SHA] [--max-age 7d] [--fail-on SEVERITY]
                               vérifie un rapport avant déploiement : signature, commit, âge, seuil
  cadre keygen [--out PREFIX]  crée une paire de clés de signature (PREFIX.key, PREFIX.pub)
  cadre frameworks [--lang fr|en] [--format console|json] [--profile NOM]
                               critères vérifiés automatiquement, par règle, et critères manuels
  cadre --version | --help

Codes de sortie : 0 conforme, 1 seuil dépassé, 2 erreur d'usage ou de configuration.
`;
async function main(argv, io) {
  try {
    const [command, ...rest] = argv;
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      io.stdout(HELP);
      return command === void 0 ? EXIT.usage : EXIT.passed;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${packageVersion()}
`);
      return EXIT.passed;
    }
    if (command === "check") return await checkCommand(rest, io);
    if (command === "rules") return await rulesCommand(rest, io);
    if (command === "verify") return verifyCommand(rest, io);
    if (command === "merge") return mergeCommand(rest, io);
    if (command === "keygen") return keygenCommand(rest, io);
    if (command === "frameworks") return await frameworksCommand(rest, io);
    if (command === "docs") return await docsCommand(rest, io);
    throw new UsageError(`unknown command "${command}" (try cadre --help)`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TargetError) {
      io.stderr(`cadre: ${error.message}
`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr(`cadre: invalid configuration
${error.message}
`);
      return EXIT.usage;
    }
    throw error;
  }
}
function parse(args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
}
function langOf(value) {
  if (value === void 0) return "fr";
  if (!LANGS.includes(String(value))) throw new UsageError(`--lang must be one of ${LANGS.join(", ")}`);
  return value;
}
function failOnOf(value) {
  const allowed = [...SEVERITIES, "none"];
  if (!allowed.includes(String(value))) throw new UsageError(`--fail-on must be one of ${allowed.join(", ")}`);
  return value;
}
async function checkCommand(args, io) {
  const { values, positionals } = parse(args, {
    rules: { type: "string", multiple: true },
    "no-builtin-rules": { type: "boolean" },
    config: { type: "string" },
    profile: { type: "string" },
    format: { type: "string" },
    output: { type: "string" },
    "fail-on": { type: "string" },
    lang: { type: "string" },
    exclude: { type: "string", multiple: true },
    timings: { type: "boolean" },
    waivers: { type: "string" },
    baseline: { type: "string" },
    workers: { type: "string" },
    cache: { type: "boolean" },
    "cache-location": { type: "string" },
    shard: { type: "string" },
    progress: { type: "boolean" },
    "no-progress": { type: "boolean" },
    sign: { type: "string" },
    attestation: { type: "boolean" }
  });
  if (positionals.length > 1) throw new UsageError("check takes one folder");
  const targetArg = positionals[0] ?? ".";
  const format = String(values.format ?? "console");
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (values.attestation && (!values.sign || format !== "json")) throw new UsageError("--attestation needs --sign KEY and --format json");
  const signingKey = values.sign ? readKey(resolve(io.cwd, values.sign), "private") : void 0;
  const { report: unsigned, gate, timings } = await runCheck({
    target: resolve(io.cwd, targetArg),
    targetName: targetArg,
    configPath: values.config ? resolve(io.cwd, values.config) : void 0,
    ruleFolders: (values.rules ?? []).map((dir) => resolve(io.cwd, dir)),
    builtinRules: !values["no-builtin-rules"],
    profile: values.profile,
    lang: values.lang === void 0 ? void 0 : langOf(values.lang),
    failOn: values["fail-on"] === void 0 ? void 0 : failOnOf(values["fail-on"]),
    exclude: values.exclude ?? [],
    timings: Boolean(values.timings),
    waiversPath: values.waivers ? resolve(io.cwd, values.waivers) : void 0,
    baselinePath: values.baseline ? resolve(io.cwd, values.baseline) : void 0,
    workers: workersOf(values.workers),
    cacheDir: values["cache-location"] ? resolve(io.cwd, values["cache-location"]) : values.cache ? resolve(io.cwd, targetArg, DEFAULT_CACHE_DIR) : void 0,
    shard: values.shard === void 0 ? void 0 : shardOf(values.shard),
    onProgress: showProgress(io, Boolean(values.progress), Boolean(values["no-progress"]))
  });
  const report = signingKey ? signReport(unsigned, signingKey) : unsigned;
  const output = values.output;
  const render = values.attestation ? () => `${JSON.stringify(signReport(unsigned, signingKey, { attestation: true }), null, 2)}
` : await loadRenderer(format);
  if (output) {
    const path = resolve(io.cwd, output);
    mkdirSync2(dirname(path), { recursive: true });
    writeFileSync2(path, render(report, { color: false, gate }));
    if (format !== "console") io.stdout((await loadRenderer("console"))(report, { color: io.isTTY, gate }));
    io.stderr(`${messages(report.lang).written(output)}
`);
  } else {
    io.stdout(render(report, { color: io.isTTY && format === "console", gate }));
  }
  if (timings) io.stderr(formatTimings(timings, report.lang));
  return gate.passed ? EXIT.passed : EXIT.failed;
}
async function rulesFor(extra, builtin) {
  return (await resolveRules({ ruleFolders: extra, builtinRules: builtin, profile: void 0, config: {} })).rules;
}
var DEFAULT_CACHE_DIR = ".cadre-cache";
function workersOf(value) {
  if (value === void 0 || value === "auto") return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError("--workers must be a number (0: main thread only) or auto");
  return n;
}
function shardOf(value) {
  try {
    return parseShard(value);
  } catch (error) {
    throw new UsageError(error.message);
  }
}
function showProgress(io, forced, disabled) {
  if (disabled || !io.progress) return void 0;
  if (!forced && (!io.stderrIsTTY || process.env.CI)) return void 0;
  const started = performance.now();
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    const finished = done === total;
    if (!forced && now - started < 1e3) return;
    if (!finished && now - last < 200) return;
    last = now;
    const rate = Math.round(done / ((now - started) / 1e3));
    io.progress(`${done}/${total} · ${rate}/s${finished ? "\n" : ""}`);
  };
}
function mergeCommand(args, io) {
  const { values, positionals } = parse(args, { output: { type: "string" } });
  if (positionals.length === 0) throw new UsageError("usage: cadre merge REPORT... [--output FILE]");
  const reports = positionals.map((path) => {
    const result = verifyReport({ reportPath: resolve(io.cwd, path), failOn: "none" });
    if (!result.report) throw new UsageError(`${path}: ${result.reasons.join("; ")}`);
    return result.report;
  });
  let merged;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(`cannot merge: ${error.message}`);
    throw error;
  }
  const text = `${JSON.stringify(merged, null, 2)}
`;
  if (values.output) writeFileSync2(resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return EXIT.passed;
}
async function frameworksCommand(args, io) {
  const { values } = parse(args, { lang: { type: "string" }, format: { type: "string" }, profile: { type: "string" } });
  const lang = langOf(values.lang);
  const { rules } = await resolveRules({ ruleFolders: [], builtinRules: true, profile: values.profile, config: {} });
  const coverage = frameworkCoverage(rules, loadFrameworkCatalogues(), lang);
  if (values.format === "json") io.stdout(`${JSON.stringify(coverage, null, 2)}
`);
  else if (values.format === void 0 || values.format === "console") io.stdout(renderCoverage(coverage, lang));
  else throw new UsageError("--format must be console or json");
  return EXIT.passed;
}
async function docsCommand(args, io) {
  const { values } = parse(args, { output: { type: "string" }, check: { type: "boolean" } });
  const output = resolve(io.cwd, values.output ?? join5(packageRoot(), "docs", "rules"));
  const stale = await writeRuleDocs(output, Boolean(values.check));
  if (values.check && stale.length > 0) {
    io.stderr(`docs out of date (run npm run docs): ${stale.join(", ")}
`);
    return EXIT.failed;
  }
  return EXIT.passed;
}
function readKey(path, kind) {
  let pem;
  try {
    pem = readFileSync5(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the ${kind} key ${path} (${error.code ?? "error"})`);
  }
  try {
    if (kind === "private") loadPrivateKey(pem);
    else loadPublicKey(pem);
  } catch (error) {
    throw new UsageError(`${path}: ${error.message}`);
  }
  return pem;
}
function keygenCommand(args, io) {
  const { values } = parse(args, { out: { type: "string" } });
  const prefix = resolve(io.cwd, values.out ?? "cadre-signing");
  if (existsSync5(`${prefix}.key`)) throw new UsageError(`${prefix}.key exists: choose another --out`);
  const pair = generateKeyPair();
  mkdirSync2(dirname(prefix), { recursive: true });
  writeFileSync2(`${prefix}.key`, pair.privateKeyPem, { mode: 384 });
  writeFileSync2(`${prefix}.pub`, pair.publicKeyPem);
  io.stdout(`${prefix}.key (private, keep it in a CI secret)
${prefix}.pub (public, for cadre verify --key)
key id ${pair.keyId}
`);
  return EXIT.passed;
}
function verifyCommand(args, io) {
  const { values, positionals } = parse(args, {
    commit: { type: "string" },
    "fail-on": { type: "string" },
    lang: { type: "string" },
    key: { type: "string" },
    "max-age": { type: "string" }
  });
  if (positionals.length !== 1) throw new UsageError("usage: cadre verify REPORT [--key PUB] [--commit SHA] [--max-age 7d] [--fail-on SEVERITY]");
  const t = messages(langOf(values.lang));
  let maxAgeMs;
  try {
    maxAgeMs = values["max-age"] === void 0 ? void 0 : parseDuration(values["max-age"]);
  } catch {
    throw new UsageError("--max-age must be a duration such as 7d, 12h or 30m");
  }
  const result = verifyReport({
    reportPath: resolve(io.cwd, positionals[0]),
    commit: values.commit,
    failOn: values["fail-on"] === void 0 ? DEFAULT_FAIL_ON : failOnOf(values["fail-on"]),
    publicKeyPem: values.key ? readKey(resolve(io.cwd, values.key), "public") : void 0,
    maxAgeMs
  });
  if (result.ok) {
    io.stdout(`${t.verified}${result.signature?.verified ? ` (${result.signature.keyId})` : ""}
`);
    return EXIT.passed;
  }
  io.stderr(`${t.notVerified}
${result.reasons.map((r) => `  - ${oneLine(r)}`).join("\n")}
`);
  return EXIT.failed;
}
async function rulesCommand(args, io) {
  const [sub, ...rest] = args;
  if (sub === "list") {
    const { values } = parse(rest, {
      rules: { type: "string", multiple: true },
      "no-builtin-rules": { type: "boolean" },
      lang: { type: "string" },
      format: { type: "string" }
    });
    const lang = langOf(values.lang);
    const rules = await rulesFor((values.rules ?? []).map((dir) => resolve(io.cwd, dir)), !values["no-builtin-rules"]);
    rules.sort((a, b) => a.id < b.id ? -1 : 1);
    if (values.format === "json") {
      io.stdout(`${JSON.stringify(rules.map(({ source: _s, check: _c, ...rule }) => rule), null, 2)}
`);
      return EXIT.passed;
    }
    if (values.format !== void 0 && values.format !== "console") throw new UsageError("--format must be console or json");
    const t = messages(lang);
    const width = Math.max(...rules.map((r) => r.id.length), 10);
    for (const rule of rules) {
      const refs = rule.references.map((r) => `${r.framework} ${r.criterion}`).join(", ");
      io.stdout(`${rule.id.padEnd(width)}  ${t.severity[rule.severity].padEnd(8)}  ${rule.domain.padEnd(13)}  ${rule.title[lang]}  [${refs}]
`);
    }
    io.stdout(`${t.rulesLoaded(rules.length)}
`);
    return EXIT.passed;
  }
  if (sub === "validate") {
    const { values, positionals } = parse(rest, { lang: { type: "string" } });
    const t = messages(langOf(values.lang));
    if (positionals.length === 0) throw new UsageError("rules validate needs at least one folder or file");
    const { rules, problems } = await loadRules(positionals.map((p) => resolve(io.cwd, p)), { base: io.cwd });
    for (const problem of problems) io.stderr(`${oneLine(formatRuleProblem(problem))}
`);
    if (problems.length > 0) {
      io.stderr(`${t.rulesInvalid(problems.length)}
`);
      return EXIT.usage;
    }
    io.stdout(`${t.rulesValid(rules.length)}
`);
    return EXIT.passed;
  }
  if (sub === "test") {
    const { values } = parse(rest, {
      rules: { type: "string", multiple: true },
      fixtures: { type: "string" },
      only: { type: "string", multiple: true }
    });
    const custom = (values.rules ?? []).map((dir) => resolve(io.cwd, dir));
    if (custom.length > 0 && !values.fixtures) throw new UsageError("rules test --rules DIR needs --fixtures DIR");
    const fixtures = values.fixtures ? resolve(io.cwd, values.fixtures) : join5(packageRoot(), "fixtures", "rules");
    let rules = await rulesFor(custom, custom.length === 0);
    const only = values.only;
    if (only) rules = rules.filter((rule) => only.includes(rule.id));
    const outcomes = await testRules(rules, fixtures);
    let failed = 0;
    for (const outcome of outcomes) {
      const failures = outcomeFailures(outcome);
      if (failures.length === 0) continue;
      failed++;
      io.stdout(`✗ ${outcome.ruleId}
${failures.map((f) => `    ${oneLine(f)}`).join("\n")}
`);
    }
    io.stdout(`${outcomes.length - failed} passed, ${failed} failed
`);
    return failed === 0 ? EXIT.passed : EXIT.failed;
  }
  throw new UsageError("usage: cadre rules list | validate DIR... | test [--rules DIR --fixtures DIR]");
}
function formatTimings(timings, lang) {
  const t = messages(lang);
  const lines = [t.timingsTitle];
  for (const [phase, ms] of Object.entries(timings.phases)) lines.push(`  ${phase.padEnd(10)} ${ms.toFixed(1)}`);
  for (const [kind, ms] of Object.entries(timings.parse)) lines.push(`    parse:${kind.padEnd(10)} ${ms.toFixed(1)}`);
  lines.push(t.slowestRules);
  for (const rule of timings.rules.slice(0, 10)) lines.push(`  ${rule.ruleId.padEnd(40)} ${rule.milliseconds.toFixed(1)} ms  ${rule.files} ${t.files}`);
  return `${lines.join("\n")}
`;
}
var invokedDirectly = (() => {
  try {
    return process.argv[1] !== void 0 && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    progress: (text) => process.stderr.write(process.stderr.isTTY ? `\r\x1B[2K${text}` : `${text}
`)
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`cadre: internal error: ${error.stack ?? error}
`);
      process.exitCode = 2;
    }
  );
}
export {
  EXIT,
  UsageError,
  main
};
