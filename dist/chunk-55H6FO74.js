import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);

// src/render/sanitize.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function neutralize(text) {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function breakLogCommands(text) {
  return text.replace(/^(\s*):(?=:)/, "$1:​").replace(/#(?=#(?:vso)?\[)/gi, "#​");
}
function oneLine(text) {
  return breakLogCommands(neutralize(text.replace(/\r\n|\r|\n/g, " ")));
}

// src/i18n/messages.ts
var fr = {
  severity: { critical: "critique", high: "élevée", medium: "moyenne", low: "faible", info: "info" },
  repositoryLevel: "(dépôt)",
  noFindings: "Aucun constat.",
  summary: (findings, files, seconds) => `${findings} constat(s) sur ${files} fichier(s) analysé(s) en ${seconds} s`,
  skippedCount: (n) => `${n} fichier(s) ignoré(s)`,
  errorCount: (n) => `${n} erreur(s)`,
  gatePassed: (failOn) => `seuil « ${failOn} » respecté`,
  gateFailed: (n, failOn) => `ÉCHEC : ${n} constat(s) au niveau « ${failOn} » ou au-dessus`,
  skippedTitle: "Fichiers ignorés",
  waivedLabel: "dérogé",
  waiverBy: (who, expires, where) => `dérogation${who ? ` de ${who}` : ""}${expires ? ` jusqu'au ${expires}` : ""} (${where}) :`,
  waiversTitle: "Dérogations à revoir",
  waiverStatus: { active: "active", expired: "expirée", stale: "sans objet", refused: "refusée", invalid: "invalide" },
  waivedCount: (n) => `${n} constat(s) dérogé(s)`,
  baselineCount: (unchanged, fixed) => `référence : ${unchanged} constat(s) connu(s) masqué(s), ${fixed} corrigé(s)`,
  scoresTitle: "Critères vérifiés automatiquement",
  criteriaPassed: "respectés",
  criteriaFailed: "en échec",
  criteriaWaived: "sous dérogation",
  errorsTitle: "Erreurs",
  remediation: "Correction",
  usage: "Usage",
  rulesLoaded: (n) => `${n} règle(s)`,
  rulesValid: (n) => `${n} règle(s) valide(s)`,
  rulesInvalid: (n) => `${n} problème(s) dans les règles`,
  written: (path) => `rapport écrit dans ${path}`,
  timingsTitle: "Temps par phase (ms)",
  slowestRules: "Règles les plus lentes",
  files: "fichiers",
  verified: "rapport vérifié : commit et seuil respectés",
  notVerified: "rapport refusé :",
  skipReason: {
    binary: "binaire",
    "too-large": "trop volumineux",
    symlink: "lien symbolique non suivi",
    unreadable: "illisible",
    template: "gabarit non rendu",
    "special-file": "fichier spécial",
    "parse-limit": "limite d’analyse atteinte",
    "time-budget": "temps d’analyse dépassé"
  },
  // Code Quality, JUnit and Markdown renderers.
  domain: {
    security: "sécurité",
    secrets: "secrets",
    gdpr: "RGPD",
    accessibility: "accessibilité",
    ecodesign: "écoconception",
    sovereignty: "souveraineté",
    hygiene: "hygiène",
    platform: "plateforme"
  },
  repositoryFinding: "constat au niveau du dépôt",
  references: "Références",
  labelled: (label, text) => `${label} : ${text}`,
  waivedFinding: (justification, where) => `dérogé (${where}) : ${justification}`,
  md: {
    title: (verdict) => `cadre : ${verdict}`,
    findingsTitle: (n) => `${n} constat(s)`,
    severity: "Sévérité",
    domain: "Domaine",
    framework: "Référentiel",
    findings: "Constats",
    rule: "Règle",
    location: "Emplacement",
    message: "Message",
    topFindings: "Principaux constats",
    moreFindings: (n) => `${n} autre(s) constat(s)`,
    omitted: (n) => `${n} constat(s) non affiché(s) faute de place : le rapport complet est dans les artefacts du job (JSON, SARIF).`,
    waivedSeverity: (severity) => `dérogé (${severity})`,
    waiversToReview: (n) => `${n} dérogation(s) à revoir`,
    truncatedRules: (omitted, rules) => `${omitted} constat(s) non rapporté(s) : plafond par règle atteint pour ${rules} règle(s)`,
    scanned: (files, seconds) => `${files} fichier(s) analysé(s) en ${seconds} s`,
    footer: (version, digest, commit) => `cadre ${version} · règles ${digest}${commit ? ` · commit ${commit}` : ""}`
  }
};
var en = {
  severity: { critical: "critical", high: "high", medium: "medium", low: "low", info: "info" },
  repositoryLevel: "(repository)",
  noFindings: "No findings.",
  summary: (findings, files, seconds) => `${findings} finding(s) in ${files} scanned file(s) in ${seconds} s`,
  skippedCount: (n) => `${n} file(s) skipped`,
  errorCount: (n) => `${n} error(s)`,
  gatePassed: (failOn) => `threshold "${failOn}" met`,
  gateFailed: (n, failOn) => `FAILED: ${n} finding(s) at "${failOn}" or above`,
  skippedTitle: "Skipped files",
  waivedLabel: "waived",
  waiverBy: (who, expires, where) => `waiver${who ? ` by ${who}` : ""}${expires ? ` until ${expires}` : ""} (${where}):`,
  waiversTitle: "Waivers to review",
  waiverStatus: { active: "active", expired: "expired", stale: "stale", refused: "refused", invalid: "invalid" },
  waivedCount: (n) => `${n} waived finding(s)`,
  baselineCount: (unchanged, fixed) => `baseline: ${unchanged} known finding(s) hidden, ${fixed} fixed`,
  scoresTitle: "Criteria checked automatically",
  criteriaPassed: "passed",
  criteriaFailed: "failed",
  criteriaWaived: "waived",
  errorsTitle: "Errors",
  remediation: "Remediation",
  usage: "Usage",
  rulesLoaded: (n) => `${n} rule(s)`,
  rulesValid: (n) => `${n} valid rule(s)`,
  rulesInvalid: (n) => `${n} problem(s) in the rules`,
  written: (path) => `report written to ${path}`,
  timingsTitle: "Time per phase (ms)",
  slowestRules: "Slowest rules",
  files: "files",
  verified: "report verified: commit and threshold met",
  notVerified: "report rejected:",
  skipReason: {
    binary: "binary",
    "too-large": "too large",
    symlink: "symbolic link not followed",
    unreadable: "unreadable",
    template: "unrendered template",
    "special-file": "special file",
    "parse-limit": "parse limit reached",
    "time-budget": "time budget exceeded"
  },
  domain: {
    security: "security",
    secrets: "secrets",
    gdpr: "GDPR",
    accessibility: "accessibility",
    ecodesign: "eco-design",
    sovereignty: "sovereignty",
    hygiene: "hygiene",
    platform: "platform"
  },
  repositoryFinding: "repository-level finding",
  references: "References",
  labelled: (label, text) => `${label}: ${text}`,
  waivedFinding: (justification, where) => `waived (${where}): ${justification}`,
  md: {
    title: (verdict) => `cadre: ${verdict}`,
    findingsTitle: (n) => `${n} finding(s)`,
    severity: "Severity",
    domain: "Domain",
    framework: "Framework",
    findings: "Findings",
    rule: "Rule",
    location: "Location",
    message: "Message",
    topFindings: "Top findings",
    moreFindings: (n) => `${n} more finding(s)`,
    omitted: (n) => `${n} finding(s) not shown for lack of space: the full report is in the job artifacts (JSON, SARIF).`,
    waivedSeverity: (severity) => `waived (${severity})`,
    waiversToReview: (n) => `${n} waiver(s) to review`,
    truncatedRules: (omitted, rules) => `${omitted} finding(s) not reported: per-rule cap reached for ${rules} rule(s)`,
    scanned: (files, seconds) => `${files} file(s) scanned in ${seconds} s`,
    footer: (version, digest, commit) => `cadre ${version} · rules ${digest}${commit ? ` · commit ${commit}` : ""}`
  }
};
function messages(lang) {
  return lang === "en" ? en : fr;
}

export {
  neutralize,
  oneLine,
  messages
};
