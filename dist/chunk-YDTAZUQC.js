import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  MARKDOWN_MARKER
} from "./chunk-LSZJZ7D3.js";
import {
  isFormat,
  loadRenderer,
  resolveRequest,
  runCheck
} from "./chunk-PA7B4RGX.js";
import {
  evaluateGate
} from "./chunk-AQK5JCEV.js";
import {
  LANGS,
  SEVERITIES
} from "./chunk-XADHSC5L.js";
import {
  oneLine
} from "./chunk-55H6FO74.js";

// src/ci/texts.ts
var fr = {
  scopeChanged: (base, files, outside) => `Seules les lignes modifiées depuis ${base.slice(0, 12)} sont examinées (${files} fichier${files > 1 ? "s" : ""} modifié${files > 1 ? "s" : ""}) ; ${outside} constat${outside > 1 ? "s" : ""} hors de la modification ${outside > 1 ? "figurent" : "figure"} dans le rapport complet.`,
  scopeFallback: (reason) => `only-changed demandé, mais les lignes modifiées n'ont pas pu être calculées (${reason}) : tout le rapport est pris en compte.`,
  scopeNotReview: "only-changed ne s’applique qu’aux demandes de fusion : tout le rapport est pris en compte.",
  notAnnotated: (count, where) => `${count} constat${count > 1 ? "s" : ""} non annoté${count > 1 ? "s" : ""} (GitHub n'affiche que 10 annotations par niveau et par étape) : voir le résumé du job et ${where}.`,
  forkDegraded: "Demande de fusion depuis un fork : le jeton du workflow est en lecture seule, aucun commentaire n’a été publié. Les constats sont dans les annotations et le résumé du job.",
  forbidden: (what, detail) => `Publication du ${what} refusée (${detail}) : le jeton n'a pas le droit d'écrire (permissions: pull-requests: write). Le verdict ne dépend que des constats.`,
  postFailed: (what, detail) => `Le ${what} n'a pas pu être publié (${detail}). Le verdict ne dépend que des constats.`,
  writeFailed: (path, detail) => `Impossible d'écrire ${path} (${detail}).`,
  noToken: (variable) => `Pas de note sur la demande de fusion : ${variable} n'est pas défini (le jeton CI_JOB_TOKEN ne peut pas écrire de notes).`,
  comment: "commentaire",
  note: "note",
  summary: "résumé du job",
  posted: (what, action) => `${what[0].toUpperCase()}${what.slice(1)} ${action === "created" ? "publié" : "mis à jour"}.`,
  written: (path) => `rapport écrit dans ${path}`,
  passed: (failOn) => `cadre : conforme (seuil ${failOn}).`,
  failed: (blocking, failOn) => `cadre : ${blocking} constat${blocking > 1 ? "s" : ""} de gravité ${failOn} ou supérieure.`,
  fullRun: "Détails de l’exécution",
  truncated: "Résumé tronqué : le rapport complet est dans les artefacts du job.",
  verified: "cadre : rapport vérifié.",
  notVerified: "cadre : rapport non vérifié",
  shardScanned: (index, total) => `cadre : part ${index} sur ${total} analysée ; le job de fusion réunit les parts, puis applique le seuil.`,
  shardsMerged: (count) => `cadre : ${count} rapport${count > 1 ? "s" : ""} de part${count > 1 ? "s" : ""} réuni${count > 1 ? "s" : ""}.`
};
var en = {
  scopeChanged: (base, files, outside) => `Only the lines changed since ${base.slice(0, 12)} are gated (${files} changed file${files === 1 ? "" : "s"}); ${outside} finding${outside === 1 ? "" : "s"} outside the change ${outside === 1 ? "is" : "are"} in the full report.`,
  scopeFallback: (reason) => `only-changed was requested but the changed lines could not be computed (${reason}): the whole report is gated.`,
  scopeNotReview: "only-changed applies to pull and merge requests only: the whole report is gated.",
  notAnnotated: (count, where) => `${count} finding${count === 1 ? "" : "s"} not annotated (GitHub shows at most 10 annotations per level and step): see the job summary and ${where}.`,
  forkDegraded: "Pull request from a fork: the workflow token is read-only, so no comment was posted. The findings are in the annotations and the job summary.",
  forbidden: (what, detail) => `Posting the ${what} was refused (${detail}): the token may not write (permissions: pull-requests: write). The verdict depends on the findings alone.`,
  postFailed: (what, detail) => `The ${what} could not be posted (${detail}). The verdict depends on the findings alone.`,
  writeFailed: (path, detail) => `Could not write ${path} (${detail}).`,
  noToken: (variable) => `No merge request note: ${variable} is not set (CI_JOB_TOKEN cannot write notes).`,
  comment: "comment",
  note: "note",
  summary: "job summary",
  posted: (what, action) => `${what[0].toUpperCase()}${what.slice(1)} ${action}.`,
  written: (path) => `report written to ${path}`,
  passed: (failOn) => `cadre: passed (threshold ${failOn}).`,
  failed: (blocking, failOn) => `cadre: ${blocking} finding${blocking === 1 ? "" : "s"} at or above ${failOn}.`,
  fullRun: "Run details",
  truncated: "Summary truncated: the full report is in the job artifacts.",
  verified: "cadre: report verified.",
  notVerified: "cadre: report not verified",
  shardScanned: (index, total) => `cadre: shard ${index} of ${total} scanned; the merge job joins the shards, then gates.`,
  shardsMerged: (count) => `cadre: ${count} shard report${count === 1 ? "" : "s"} merged.`
};
function ciTexts(lang) {
  return lang === "en" ? en : fr;
}

// src/ci/check.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve as resolve2 } from "node:path";

// src/ci/changed-lines.ts
import { execFileSync } from "node:child_process";
import { posix, relative, resolve } from "node:path";
var ChangedLinesError = class extends Error {
};
var GIT_TIMEOUT_MS = 3e4;
function git(cwd, args) {
  return execFileSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024
  });
}
function gitError(error) {
  const stderr = error.stderr;
  const text = stderr ? String(stderr).trim().split("\n")[0] : error.message;
  return text.replace(/[\u0000-\u001f\u007f]/g, " ");
}
function changedLines(target, base) {
  let top;
  try {
    top = git(target, ["rev-parse", "--show-toplevel"]).trim();
  } catch (error) {
    throw new ChangedLinesError(`not a git work tree (${gitError(error)})`);
  }
  let mergeBase;
  try {
    mergeBase = git(target, ["merge-base", base, "HEAD"]).trim();
  } catch (error) {
    throw new ChangedLinesError(
      `no merge base between ${base} and HEAD (${gitError(error)}); fetch the whole history (actions/checkout fetch-depth: 0, GitLab GIT_DEPTH: 0)`
    );
  }
  let diff;
  try {
    diff = git(top, [
      "diff",
      "--unified=0",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--no-relative",
      "--find-renames",
      "--src-prefix=a/",
      "--dst-prefix=b/",
      mergeBase,
      "--"
    ]);
  } catch (error) {
    throw new ChangedLinesError(`git diff failed (${gitError(error)})`);
  }
  const prefix = relative(top, resolve(target)).split(/[\\/]/).filter(Boolean).join("/");
  const files = /* @__PURE__ */ new Map();
  for (const [path, lines] of parseUnifiedDiff(diff)) {
    if (prefix && !path.startsWith(`${prefix}/`)) continue;
    files.set(prefix ? path.slice(prefix.length + 1) : path, lines);
  }
  return { base: mergeBase, files };
}
function parseUnifiedDiff(diff) {
  const files = /* @__PURE__ */ new Map();
  let current;
  for (const line of diff.split("\n")) {
    if (line.startsWith("diff --git ")) {
      current = void 0;
    } else if (line.startsWith("+++ ")) {
      const path = newSidePath(line.slice(4));
      if (path === void 0) {
        current = void 0;
      } else {
        current = files.get(path) ?? /* @__PURE__ */ new Set();
        files.set(path, current);
      }
    } else if (line.startsWith("@@ ") && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === void 0 ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}
function newSidePath(raw) {
  let text = raw.replace(/\t$/, "");
  if (text === "/dev/null") return void 0;
  if (text.startsWith('"') && text.endsWith('"')) text = unquoteC(text.slice(1, -1));
  if (!text.startsWith("b/")) return void 0;
  return posix.normalize(text.slice(2));
}
function unquoteC(text) {
  const bytes = [];
  const simple = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, "\\": 92, '"': 34 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      const next = text[i + 1];
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      if (next in simple) {
        bytes.push(simple[next]);
        i += 1;
        continue;
      }
    }
    bytes.push(...Buffer.from(c, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}
function touchedByChange(finding, changed) {
  if (!finding.file || !finding.line) return true;
  const lines = changed.files.get(finding.file);
  if (!lines) return false;
  const end = Math.max(finding.endLine ?? finding.line, finding.line);
  for (let n = finding.line; n <= end; n++) if (lines.has(n)) return true;
  return false;
}
function restrictToChange(report, changed) {
  const findings = report.findings.filter((finding) => touchedByChange(finding, changed));
  return { report: withFindings(report, findings), outside: report.findings.length - findings.length };
}
function withFindings(report, findings) {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const byDomain = {};
  let waived = 0;
  for (const finding of findings) {
    if (finding.waiver) {
      waived++;
      continue;
    }
    bySeverity[finding.severity]++;
    byDomain[finding.domain] = (byDomain[finding.domain] ?? 0) + 1;
  }
  const sortedDomains = Object.fromEntries(Object.entries(byDomain).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  return {
    ...report,
    summary: { ...report.summary, findings: findings.length - waived, waived, bySeverity, byDomain: sortedDomains },
    findings
  };
}

// src/ci/check.ts
async function ciCheck(request) {
  const { onlyChanged, ...checkRequest } = request;
  const { report, gate } = await runCheck(checkRequest);
  return scopeToChange(report, gate, request.target, onlyChanged);
}
async function ciJudge(request, report) {
  const { onlyChanged, ...checkRequest } = request;
  return scopeToChange(report, evaluateGate(report, (await resolveRequest(checkRequest)).failOn), request.target, onlyChanged);
}
function scopeToChange(report, fullGate, target, onlyChanged) {
  if (onlyChanged === void 0) return { report, scoped: report, gate: fullGate, scope: { kind: "full" } };
  if (onlyChanged === null) return { report, scoped: report, gate: fullGate, scope: { kind: "not-review" } };
  try {
    const changed = changedLines(target, onlyChanged.base);
    const { report: scoped, outside } = restrictToChange(report, changed);
    return { report, scoped, gate: evaluateGate(scoped, fullGate.failOn), scope: { kind: "changed", base: changed.base, files: changed.files.size, outside } };
  } catch (error) {
    if (error instanceof ChangedLinesError) return { report, scoped: report, gate: fullGate, scope: { kind: "fallback", reason: oneLine(error.message) } };
    throw error;
  }
}
function describeScope(scope, lang) {
  const t = ciTexts(lang);
  switch (scope.kind) {
    case "changed":
      return t.scopeChanged(scope.base, scope.files, scope.outside);
    case "fallback":
      return t.scopeFallback(scope.reason);
    case "not-review":
      return t.scopeNotReview;
    default:
      return void 0;
  }
}
async function renderOptional(format, report, options) {
  if (!isFormat(format)) return void 0;
  return (await loadRenderer(format))(report, options);
}
async function render(format, report, options) {
  const text = await renderOptional(format, report, options);
  if (text === void 0) throw new Error(`cadre: this build has no ${format} renderer`);
  return text;
}
function writeOutput(base, path, content) {
  const full = resolve2(base, path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return { path };
  } catch (error) {
    const code = error.code;
    return { path, error: code ?? oneLine(error.message) };
  }
}
function listOf(value) {
  return (value ?? "").split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
}
var CiInputError = class extends Error {
};
function flagOf(name, value, fallback) {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "") return fallback;
  if (["on", "true", "yes", "1"].includes(v)) return true;
  if (["off", "false", "no", "0"].includes(v)) return false;
  throw new CiInputError(`${name} must be on or off (got "${oneLine(value ?? "")}")`);
}
function failOnOf(name, value) {
  const v = (value ?? "").trim();
  if (v === "") return void 0;
  const allowed = [...SEVERITIES, "none"];
  if (!allowed.includes(v)) throw new CiInputError(`${name} must be one of ${allowed.join(", ")} (got "${oneLine(v)}")`);
  return v;
}
function langOf(name, value) {
  const v = (value ?? "").trim();
  if (v === "") return void 0;
  if (!LANGS.includes(v)) throw new CiInputError(`${name} must be one of ${LANGS.join(", ")} (got "${oneLine(v)}")`);
  return v;
}

// src/ci/markdown.ts
function sizeOf(text, unit) {
  return unit === "bytes" ? Buffer.byteLength(text, "utf8") : text.length;
}
async function markdownBody(report, gate, limit, parts) {
  const head = [...parts.marker ? [MARKDOWN_MARKER] : [], ...(parts.header ?? []).map((line) => `> ${line}`)].join("\n");
  const foot = (parts.footer ?? []).join("\n");
  const join = (body) => [head, body.replaceAll(MARKDOWN_MARKER, "").trim(), foot].filter(Boolean).join("\n\n") + "\n";
  const room = limit.max - sizeOf(join(""), limit.unit) - 16;
  let maxLength = limit.unit === "bytes" ? Math.floor(room / 2) : room;
  for (let attempt = 0; attempt < 4 && maxLength > 200; attempt++) {
    const text = join(await render("markdown", report, { gate, maxLength }));
    if (sizeOf(text, limit.unit) <= limit.max) return text;
    maxLength = Math.floor(maxLength / 2);
  }
  return cut(join(await render("markdown", report, { gate, maxLength: Math.max(maxLength, 200) })), limit, ciTexts(report.lang).truncated);
}
function cut(text, limit, closing) {
  if (sizeOf(text, limit.unit) <= limit.max) return text;
  const tail = `

_${closing}_
`;
  const lines = text.split("\n");
  let size = sizeOf(tail, limit.unit);
  const kept = [];
  for (const line of lines) {
    const next = sizeOf(`${line}
`, limit.unit);
    if (size + next > limit.max) break;
    kept.push(line);
    size += next;
  }
  return `${kept.join("\n")}${tail}`;
}

// src/ci/sticky-note.ts
async function upsertSticky(api, marker, body) {
  const text = body.includes(marker) ? body : `${marker}
${body}`;
  const existing = await api.find((candidate) => typeof candidate === "string" && candidate.includes(marker));
  if (existing !== void 0) return { action: "updated", id: await api.update(existing, text) };
  return { action: "created", id: await api.create(text) };
}
function describeFailure(error, secrets) {
  const e = error;
  const status = typeof e?.status === "number" ? e.status : typeof e?.response?.status === "number" ? e.response.status : void 0;
  let detail = typeof e?.response?.data?.message === "string" ? e.response.data.message : typeof e?.message === "string" ? e.message : String(error);
  if (e?.name === "AbortError" || e?.name === "TimeoutError") detail = "timed out";
  return { ...status !== void 0 ? { status } : {}, detail: mask(detail, secrets).replace(/\s+/g, " ").trim().slice(0, 300) };
}
function mask(text, secrets) {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("***");
  return out;
}
function formatFailure(failure) {
  return failure.status !== void 0 ? `HTTP ${failure.status}: ${failure.detail}` : failure.detail;
}

export {
  ciTexts,
  ciCheck,
  ciJudge,
  describeScope,
  renderOptional,
  render,
  writeOutput,
  listOf,
  CiInputError,
  flagOf,
  failOnOf,
  langOf,
  markdownBody,
  upsertSticky,
  describeFailure,
  mask,
  formatFailure
};
