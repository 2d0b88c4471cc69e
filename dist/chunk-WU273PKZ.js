import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import {
  DOMAINS,
  SEVERITIES
} from "./chunk-XADHSC5L.js";
import {
  messages,
  neutralize,
  oneLine
} from "./chunk-55H6FO74.js";
import "./chunk-CBBNNE4E.js";

// src/render/html.ts
import { createHash } from "node:crypto";
var fr = {
  docTitle: (target) => `Rapport de conformité cadre — ${target}`,
  brand: "Rapport de conformité",
  skipToFindings: "Aller aux constats",
  toc: "Sommaire",
  h1: "Rapport de conformité",
  targetLabel: "Dépôt analysé",
  sections: {
    summary: "Synthèse",
    verification: "Vérification du rapport",
    scores: "Critères vérifiés automatiquement",
    findings: "Constats",
    waivers: "Dérogations",
    skipped: "Fichiers ignorés",
    errors: "Erreurs d’analyse"
  },
  verdictPassed: (failOn) => `Conforme : aucun constat à traiter de gravité « ${failOn} » ou supérieure.`,
  verdictFailed: (n, failOn) => `Non conforme : ${n} constat${n > 1 ? "s" : ""} de gravité « ${failOn} » ou supérieure ${n > 1 ? "restent" : "reste"} à traiter.`,
  verdictNone: "Aucun seuil bloquant n’a été appliqué.",
  verdictOpen: (n) => n === 0 ? "Aucun constat à traiter." : `${n} constat${n > 1 ? "s" : ""} à traiter.`,
  figures: { open: "Constats à traiter", waived: "Constats sous dérogation", files: "Fichiers analysés", duration: "Durée de l’analyse" },
  seconds: (s) => `${s.replace(".", ",")} s`,
  meta: {
    commit: "Commit",
    startedAt: "Date de l’analyse",
    tool: "Version de cadre",
    ruleset: "Empreinte du jeu de règles",
    rules: "Règles appliquées",
    profile: "Profil",
    shard: "Fragment"
  },
  none: "aucun",
  bySeverityCaption: "Constats à traiter par gravité",
  byDomainCaption: "Constats à traiter par domaine",
  severityCol: "Gravité",
  domainCol: "Domaine",
  countCol: "Constats",
  noOpenFindingsDomain: "Aucun constat à traiter.",
  baseline: (b) => `Comparaison avec un rapport de référence : ${b.findings} constat(s) dans la référence, ${b.unchanged} inchangé(s) et masqué(s) ici, ${b.fixed} corrigé(s), ${b.new} nouveau(x).`,
  truncated: "Constats non listés : le nombre de constats par règle est plafonné.",
  truncatedItem: (rule, n) => `${rule} : ${n} constat(s) omis`,
  signedLead: "Ce rapport porte une signature Ed25519 de la clé",
  signedAt: (date) => `, apposée le ${date}`,
  unsigned: "Ce rapport n’est pas signé : rien ne garantit qu’il n’a pas été modifié depuis l’analyse.",
  cannotVerifySelf: "Un fichier HTML ne peut pas prouver sa propre intégrité. Vérifiez le rapport JSON signé dont il est issu avec la commande suivante, qui contrôle aussi le commit, l’âge du rapport et le seuil :",
  howToSign: "Pour obtenir un rapport vérifiable, lancez l’analyse avec une clé de signature (générée par cadre keygen) :",
  verifyCommand: "cadre verify rapport.json --key cle-publique.pem --commit <sha> --max-age 7d",
  signCommand: "cadre check --sign cle-privee.pem --format json --output rapport.json",
  scoresIntro: "Pour chaque référentiel et chaque domaine, les critères contrôlés automatiquement par cadre : respectés, en échec, ou en échec mais couverts par une dérogation. Les autres critères relèvent d’un audit manuel.",
  legend: "Légende",
  passed: "Respectés",
  failed: "En échec",
  waived: "Sous dérogation",
  total: "Total",
  rulesCol: "Règles",
  frameworkCol: "Référentiel",
  criterionCol: "Critère",
  statusCol: "Statut",
  distribution: "Répartition",
  byFrameworkCaption: "Critères par référentiel",
  byDomainScoresCaption: "Règles par domaine",
  criteriaDetails: "Détail des critères",
  criteriaCaption: "Statut de chaque critère vérifié",
  criterionStatus: { passed: "respecté", failed: "en échec", waived: "sous dérogation" },
  noScores: "Aucun critère de référentiel n’est associé aux règles appliquées.",
  filters: "Filtrer les constats",
  filterSeverity: "Gravité",
  filterDomain: "Domaine",
  filterFramework: "Référentiel",
  filterStatus: "Statut",
  filterFile: "Fichier (tout ou partie du chemin)",
  all: "Tous",
  allFeminine: "Toutes",
  statusOpen: "À traiter",
  statusWaived: "Sous dérogation",
  reset: "Réinitialiser les filtres",
  countZero: "Aucun constat ne correspond aux filtres (sur {total}).",
  countOne: "1 constat affiché sur {total}.",
  countOther: "{shown} constats affichés sur {total}.",
  noFindings: "Aucun constat : toutes les règles appliquées sont respectées.",
  location: "Emplacement",
  rule: "Règle",
  domain: "Domaine",
  remediation: "Correction",
  references: "Références",
  waivedBadge: "Sous dérogation",
  waivedBy: "Dérogation",
  waiverFields: { justification: "Justification", author: "Auteur", approver: "Approbation", expires: "Expire le", location: "Déclarée dans", ticket: "Ticket", created: "Créée le", scope: "Portée", matched: "Constats couverts", where: "Emplacement et portée", people: "Responsables", validity: "Validité" },
  waiversIntro: "Chaque dérogation du fichier .cadre-waivers.yml et chaque suppression en ligne, avec ce qu’elle est devenue lors de cette analyse.",
  waiversCaption: "Dérogations et suppressions en ligne",
  noWaivers: "Aucune dérogation.",
  sourceFile: "fichier de dérogations",
  sourceInline: "en ligne",
  wholeRepository: "tout le dépôt",
  skippedCaption: "Fichiers non analysés et raison",
  noSkipped: "Aucun fichier ignoré.",
  fileCol: "Fichier",
  reasonCol: "Raison",
  detailCol: "Précision",
  errorsCaption: "Erreurs rencontrées pendant l’analyse",
  noErrors: "Aucune erreur.",
  lineCol: "Ligne",
  messageCol: "Message",
  footer: (version) => `Produit par cadre ${version}. Fichier autonome : il ne charge aucune ressource externe et s’ouvre hors ligne.`,
  domains: {
    security: "Sécurité",
    secrets: "Secrets",
    gdpr: "Données personnelles (RGPD)",
    accessibility: "Accessibilité",
    ecodesign: "Écoconception",
    sovereignty: "Souveraineté",
    hygiene: "Hygiène du dépôt",
    platform: "Plateforme"
  },
  locale: "fr-FR",
  /** French puts a no-break space before a colon. */
  colon: "&nbsp;: "
};
var en = {
  docTitle: (target) => `cadre compliance report — ${target}`,
  brand: "Compliance report",
  skipToFindings: "Skip to findings",
  toc: "Contents",
  h1: "Compliance report",
  targetLabel: "Scanned repository",
  sections: {
    summary: "Summary",
    verification: "Report verification",
    scores: "Criteria checked automatically",
    findings: "Findings",
    waivers: "Waivers",
    skipped: "Skipped files",
    errors: "Scan errors"
  },
  verdictPassed: (failOn) => `Compliant: no finding to fix at severity "${failOn}" or above.`,
  verdictFailed: (n, failOn) => `Not compliant: ${n} finding${n > 1 ? "s" : ""} at severity "${failOn}" or above remain${n > 1 ? "" : "s"} to fix.`,
  verdictNone: "No blocking threshold was applied.",
  verdictOpen: (n) => n === 0 ? "No finding to fix." : `${n} finding${n > 1 ? "s" : ""} to fix.`,
  figures: { open: "Findings to fix", waived: "Waived findings", files: "Files scanned", duration: "Scan duration" },
  seconds: (s) => `${s} s`,
  meta: {
    commit: "Commit",
    startedAt: "Scan date",
    tool: "cadre version",
    ruleset: "Rule set digest",
    rules: "Rules applied",
    profile: "Profile",
    shard: "Shard"
  },
  none: "none",
  bySeverityCaption: "Findings to fix by severity",
  byDomainCaption: "Findings to fix by domain",
  severityCol: "Severity",
  domainCol: "Domain",
  countCol: "Findings",
  noOpenFindingsDomain: "No finding to fix.",
  baseline: (b) => `Compared with a baseline report: ${b.findings} finding(s) in the baseline, ${b.unchanged} unchanged and hidden here, ${b.fixed} fixed, ${b.new} new.`,
  truncated: "Findings not listed: the number of findings per rule is capped.",
  truncatedItem: (rule, n) => `${rule}: ${n} finding(s) left out`,
  signedLead: "This report carries an Ed25519 signature by key",
  signedAt: (date) => `, made on ${date}`,
  unsigned: "This report is not signed: nothing guarantees that it was not modified after the scan.",
  cannotVerifySelf: "An HTML file cannot prove its own integrity. Verify the signed JSON report it was made from with the following command, which also checks the commit, the age of the report and the threshold:",
  howToSign: "For a verifiable report, run the scan with a signing key (made by cadre keygen):",
  verifyCommand: "cadre verify report.json --key public-key.pem --commit <sha> --max-age 7d",
  signCommand: "cadre check --sign private-key.pem --format json --output report.json",
  scoresIntro: "For each framework and each domain, the criteria cadre checks automatically: passed, failed, or failed but covered by a waiver. The other criteria need a manual audit.",
  legend: "Legend",
  passed: "Passed",
  failed: "Failed",
  waived: "Waived",
  total: "Total",
  rulesCol: "Rules",
  frameworkCol: "Framework",
  criterionCol: "Criterion",
  statusCol: "Status",
  distribution: "Distribution",
  byFrameworkCaption: "Criteria by framework",
  byDomainScoresCaption: "Rules by domain",
  criteriaDetails: "Criteria in detail",
  criteriaCaption: "Status of each criterion checked",
  criterionStatus: { passed: "passed", failed: "failed", waived: "waived" },
  noScores: "No framework criterion is attached to the rules applied.",
  filters: "Filter the findings",
  filterSeverity: "Severity",
  filterDomain: "Domain",
  filterFramework: "Framework",
  filterStatus: "Status",
  filterFile: "File (whole path or part of it)",
  all: "All",
  allFeminine: "All",
  statusOpen: "To fix",
  statusWaived: "Waived",
  reset: "Reset the filters",
  countZero: "No finding matches the filters (out of {total}).",
  countOne: "1 finding shown out of {total}.",
  countOther: "{shown} findings shown out of {total}.",
  noFindings: "No findings: every rule applied is met.",
  location: "Location",
  rule: "Rule",
  domain: "Domain",
  remediation: "Remediation",
  references: "References",
  waivedBadge: "Waived",
  waivedBy: "Waiver",
  waiverFields: { justification: "Justification", author: "Author", approver: "Approved by", expires: "Expires on", location: "Declared in", ticket: "Ticket", created: "Created on", scope: "Scope", matched: "Findings covered", where: "Location and scope", people: "Accountable", validity: "Validity" },
  waiversIntro: "Every waiver of the .cadre-waivers.yml file and every inline suppression, with what became of it in this scan.",
  waiversCaption: "Waivers and inline suppressions",
  noWaivers: "No waivers.",
  sourceFile: "waiver file",
  sourceInline: "inline",
  wholeRepository: "whole repository",
  skippedCaption: "Files not scanned and why",
  noSkipped: "No file skipped.",
  fileCol: "File",
  reasonCol: "Reason",
  detailCol: "Detail",
  errorsCaption: "Errors met during the scan",
  noErrors: "No errors.",
  lineCol: "Line",
  messageCol: "Message",
  footer: (version) => `Produced by cadre ${version}. Self-contained file: it loads no external resource and opens offline.`,
  domains: {
    security: "Security",
    secrets: "Secrets",
    gdpr: "Personal data (GDPR)",
    accessibility: "Accessibility",
    ecodesign: "Eco-design",
    sovereignty: "Sovereignty",
    hygiene: "Repository hygiene",
    platform: "Platform"
  },
  locale: "en-GB",
  colon: ": "
};
function words(lang) {
  return lang === "en" ? en : fr;
}
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function text(value) {
  return neutralize(String(value ?? "")).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function line(value) {
  return oneLine(String(value ?? "")).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function prose(value) {
  return String(value ?? "").split("`").map((piece, i) => i % 2 === 1 && piece ? `<code>${line(piece)}</code>` : line(piece)).join("");
}
function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : void 0;
}
function severityOf(value) {
  return SEVERITIES.includes(value) ? value : "info";
}
function domainOf(value) {
  return DOMAINS.includes(value) ? value : "hygiene";
}
function capitalize(value) {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
var STYLE = `
:root{--text:#161616;--muted:#3a3a3a;--line:#c8c8c8;--soft:#f6f6f6;--blue:#000091;--focus:#0a76f6;--pass:#18753c;--fail:#ce0500;--waive:#716043;}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:var(--text);background:#fff}
body{margin:0}
[hidden]{display:none!important}
a{color:var(--blue);text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code,pre,kbd{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.875rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-10000px;top:.5rem;background:#fff;color:var(--blue);padding:.5rem 1rem;border:2px solid var(--blue);z-index:10}
.skip:focus{left:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
header.banner{border-bottom:1px solid var(--line);box-shadow:0 2px 4px rgba(0,0,18,.06)}
header.banner .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-top:1rem;padding-bottom:1rem}
.brand{margin:0;font-size:1.25rem;font-weight:700;color:var(--blue)}
.brand span{font-weight:400;color:var(--muted)}
nav.toc{background:var(--soft);border-bottom:1px solid var(--line)}
nav.toc ul{list-style:none;margin:0;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
nav.toc a{display:inline-block;padding:.25rem 0;font-size:.9375rem}
main{padding-bottom:3rem}
h1{font-size:2rem;line-height:1.25;margin:2rem 0 .25rem}
h2{font-size:1.5rem;line-height:1.3;margin:2.5rem 0 1rem;padding-top:1rem;border-top:1px solid var(--line)}
h3{font-size:1.125rem;line-height:1.4;margin:0 0 .5rem}
.subtitle{margin:0 0 1.5rem;color:var(--muted);overflow-wrap:anywhere}
.verdict{margin:0 0 1.5rem;padding:1rem 1.25rem;border-left:.375rem solid var(--muted);background:var(--soft);font-size:1.125rem;font-weight:600}
.verdict.failed{border-color:var(--fail);background:#fff4f3}
.verdict.passed{border-color:var(--pass);background:#f3faf5}
.verdict p{margin:0}
.verdict p+p{margin-top:.25rem;font-weight:400;font-size:1rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem;margin:0 0 1.5rem;padding:0}
.figures div{border:1px solid var(--line);padding:.75rem 1rem}
.figures dt{color:var(--muted);font-size:.875rem}
.figures dd{margin:0;font-size:1.75rem;font-weight:700;line-height:1.2}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem;margin:0 0 1.5rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1.5rem;align-items:start}
table{border-collapse:collapse;width:100%;font-size:.9375rem}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{border-bottom:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--text);font-weight:700}
tbody th{font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.path,td.wrapcell,th.path{overflow-wrap:break-word;word-break:normal}
code.id{white-space:nowrap}
td.path code{overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
@media (max-width:40rem){dl.meta{grid-template-columns:1fr}dl.meta dd{margin-bottom:.5rem}dl.details{grid-template-columns:1fr}h1{font-size:1.75rem}}
.bar{display:block;width:100%;min-width:8rem;height:.875rem}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0 0 1rem;padding:0;list-style:none;font-size:.9375rem}
.swatch{display:inline-block;width:.875rem;height:.875rem;margin-right:.4rem;vertical-align:-.1rem}
.swatch.pass{background:var(--pass)}.swatch.fail{background:var(--fail)}.swatch.waive{background:var(--waive)}
details{margin:0 0 1.5rem}
summary{cursor:pointer;color:var(--blue);font-weight:600;padding:.25rem 0}
details[open] summary{margin-bottom:.75rem}
form.filters{border:1px solid var(--line);background:var(--soft);padding:1rem 1.25rem;margin:0 0 1rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{font-weight:700;padding:0;margin:0 0 .75rem}
.controls{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem 1rem;align-items:end}
.control label{display:block;font-size:.875rem;font-weight:600;margin-bottom:.25rem}
select,input,button{font:inherit;font-size:1rem}
select,input{width:100%;padding:.4rem .5rem;border:1px solid #666;border-radius:0;background:#fff;color:var(--text)}
button{padding:.45rem 1rem;border:1px solid var(--blue);background:#fff;color:var(--blue);cursor:pointer}
button:hover{background:#e8edff}
.status{font-weight:600;margin:0 0 1rem}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:.375rem solid var(--line);padding:1rem 1.25rem;margin:0 0 1rem;break-inside:avoid}
.finding.sev-critical{border-left-color:#6e0a0a}.finding.sev-high{border-left-color:var(--fail)}.finding.sev-medium{border-left-color:#b34000}.finding.sev-low{border-left-color:#0063cb}.finding.sev-info{border-left-color:#666}
.finding.is-waived{border-left-color:var(--waive);background:#fcfbf8}
.badge{display:inline-block;font-size:.8125rem;font-weight:700;line-height:1.4;padding:0 .5rem;margin-right:.5rem;color:#fff;vertical-align:.1rem;white-space:nowrap}
.badge.sev-critical{background:#6e0a0a}.badge.sev-high{background:#c9191e}.badge.sev-medium{background:#b34000}.badge.sev-low{background:#0063cb}.badge.sev-info{background:#525252}
.badge.waived{background:#fff;color:#5c4d32;border:1px solid #716043}
.where{margin:0 0 .5rem;color:var(--muted);font-size:.9375rem;overflow-wrap:anywhere}
.where code{color:var(--text)}
.message{margin:0 0 .75rem;overflow-wrap:anywhere}
pre.snippet{margin:0 0 .75rem;padding:.5rem .75rem;background:var(--soft);border:1px solid var(--line);overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.waiver-note{margin:0 0 .75rem;padding:.5rem .75rem;border:1px dashed #716043}
.waiver-note p{margin:0;white-space:pre-line;overflow-wrap:anywhere}
dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0;font-size:.9375rem}
dl.details dt{font-weight:600}
dl.details dd{margin:0;overflow-wrap:anywhere}
dl.details ul{margin:0;padding-left:1.1rem}
.justification{white-space:pre-line}
.state{font-weight:700}
.state-active,.state-passed{color:var(--pass)}.state-expired,.state-refused,.state-invalid,.state-failed{color:var(--fail)}.state-stale{color:#b34000}.state-waived{color:var(--waive)}
.note{color:var(--muted);font-size:.9375rem}
pre.command{padding:.5rem .75rem;background:var(--soft);border:1px solid var(--line);overflow-x:auto;white-space:pre-wrap}
footer{border-top:1px solid var(--line);padding:1.5rem 0;color:var(--muted);font-size:.875rem}
@media print{
  nav.toc,.skip,form.filters,.status{display:none!important}
  h2{break-after:avoid}
  .finding,tr{break-inside:avoid}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.75rem;color:var(--muted)}
}
`;
var SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var status = document.getElementById('finding-count');
  if (!form || !status) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-finding]'));
  var total = items.length;
  var timer = 0;
  function value(name) {
    var field = form.elements.namedItem(name);
    return field && 'value' in field ? String(field.value) : '';
  }
  function announce(shown) {
    var key = shown === 0 ? 'data-zero' : shown === 1 ? 'data-one' : 'data-other';
    var template = status.getAttribute(key) || '';
    status.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(total));
  }
  function apply() {
    var severity = value('severity');
    var domain = value('domain');
    var framework = value('framework');
    var state = value('state');
    var file = value('file').trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var visible =
        (!severity || item.getAttribute('data-severity') === severity) &&
        (!domain || item.getAttribute('data-domain') === domain) &&
        (!framework || (item.getAttribute('data-frameworks') || '').split(' ').indexOf(framework) !== -1) &&
        (!state || item.getAttribute('data-state') === state) &&
        (!file || (item.getAttribute('data-file') || '').toLowerCase().indexOf(file) !== -1);
      item.hidden = !visible;
      if (visible) shown++;
    });
    announce(shown);
  }
  form.addEventListener('change', apply);
  form.addEventListener('input', function (event) {
    if (event.target && event.target.name === 'file') {
      clearTimeout(timer);
      timer = setTimeout(apply, 300);
    }
  });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); apply(); });
  form.hidden = false;
})();
`;
function sha256(source) {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join("; ");
var renderHtml = (report, options) => {
  const w = words(report.lang);
  const m = messages(report.lang);
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const date = (iso) => {
    if (!iso) return "";
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return line(iso);
    const shown = new Intl.DateTimeFormat(w.locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(time);
    return `<time datetime="${line(iso)}">${line(shown)} UTC</time>`;
  };
  const day = (value) => {
    if (!value) return "";
    const time = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(time)) return line(value);
    return `<time datetime="${line(value)}">${line(new Intl.DateTimeFormat(w.locale, { dateStyle: "long", timeZone: "UTC" }).format(time))}</time>`;
  };
  const severityLabel = (s) => capitalize(m.severity[s]);
  const domainLabel = (d) => w.domains[d] ?? d;
  const body = [
    `<a class="skip" href="#findings">${w.skipToFindings}</a>`,
    `<header class="banner"><div class="wrap"><p class="brand">cadre <span>· ${w.brand}</span></p></div></header>`,
    nav(w, report),
    `<main id="main" class="wrap">`,
    `<h1>${w.h1}</h1>`,
    `<p class="subtitle">${w.targetLabel}${w.colon}<code>${line(report.target.path)}</code></p>`,
    verdict(w, report, options),
    summary(w, report, { date, severityLabel, domainLabel }),
    verification(w, report, date),
    scores(w, report, domainLabel),
    findingsSection(w, report, rules, { severityLabel, domainLabel, day, repositoryLevel: m.repositoryLevel }),
    waivers(w, m, report, day),
    skipped(w, m, report),
    errors(w, report),
    `</main>`,
    `<footer><div class="wrap"><p>${line(w.footer(report.tool.version))}</p></div></footer>`
  ].join("\n");
  return `<!DOCTYPE html>
<html lang="${report.lang === "en" ? "en" : "fr"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="cadre ${line(report.tool.version)}">
<title>${line(w.docTitle(report.target.path))}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
};
function nav(w, report) {
  const entries = [
    ["summary", w.sections.summary],
    ["verification", w.sections.verification],
    ["scores", w.sections.scores],
    ["findings", `${w.sections.findings} (${report.findings.length})`],
    ["waivers", `${w.sections.waivers} (${report.waivers.length})`],
    ["skipped", `${w.sections.skipped} (${report.skipped.length})`],
    ["errors", `${w.sections.errors} (${report.errors.length})`]
  ];
  return `<nav class="toc" aria-label="${w.toc}"><div class="wrap"><ul>${entries.map(([id, label]) => `<li><a href="#${id}">${line(label)}</a></li>`).join("")}</ul></div></nav>`;
}
function verdict(w, report, options) {
  const gate = options.gate;
  if (!gate || gate.failOn === "none") {
    return `<div class="verdict"><p>${w.verdictOpen(report.summary.findings)}</p>${gate ? `<p>${w.verdictNone}</p>` : ""}</div>`;
  }
  const threshold = messages(report.lang).severity[gate.failOn];
  return gate.passed ? `<div class="verdict passed"><p>${line(w.verdictPassed(threshold))}</p><p>${w.verdictOpen(report.summary.findings)}</p></div>` : `<div class="verdict failed"><p>${line(w.verdictFailed(gate.blocking, threshold))}</p><p>${w.verdictOpen(report.summary.findings)}</p></div>`;
}
function section(id, title, content) {
  return `<section id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${content}
</section>`;
}
function summary(w, report, f) {
  const figures = [
    [w.figures.open, String(report.summary.findings)],
    [w.figures.waived, String(report.summary.waived)],
    [w.figures.files, String(report.summary.files)],
    [w.figures.duration, w.seconds((report.durationMs / 1e3).toFixed(1))]
  ].map(([label, value]) => `<div><dt>${label}</dt><dd>${line(value)}</dd></div>`).join("");
  const meta = [
    [w.meta.commit, report.target.commit ? `<code>${line(report.target.commit)}</code>` : w.none],
    [w.meta.startedAt, f.date(report.startedAt)],
    [w.meta.tool, `<code>${line(report.tool.version)}</code>`],
    [w.meta.ruleset, `<code>${line(report.ruleset.digest)}</code>`],
    [w.meta.rules, line(report.ruleset.rules)],
    [w.meta.profile, report.ruleset.profile ? `<code>${line(report.ruleset.profile)}</code>` : w.none]
  ];
  if (report.shard) meta.push([w.meta.shard, `${line(report.shard.index)} / ${line(report.shard.total)}`]);
  const severityRows = SEVERITIES.map(
    (s) => `<tr><th scope="row"><span class="badge sev-${s}">${f.severityLabel(s)}</span></th><td class="num">${line(report.summary.bySeverity[s] ?? 0)}</td></tr>`
  ).join("");
  const domainEntries = Object.entries(report.summary.byDomain).filter(([, n]) => n > 0);
  const domainTable = domainEntries.length ? `<table><caption>${w.byDomainCaption}</caption><thead><tr><th scope="col">${w.domainCol}</th><th scope="col" class="num">${w.countCol}</th></tr></thead><tbody>${domainEntries.map(([d, n]) => `<tr><th scope="row">${line(f.domainLabel(d))}</th><td class="num">${line(n)}</td></tr>`).join("")}</tbody></table>` : `<table><caption>${w.byDomainCaption}</caption><thead><tr><th scope="col">${w.domainCol}</th><th scope="col" class="num">${w.countCol}</th></tr></thead><tbody><tr><td colspan="2">${w.noOpenFindingsDomain}</td></tr></tbody></table>`;
  const notes = [];
  if (report.baseline) notes.push(`<p>${line(w.baseline(report.baseline))}</p>`);
  if (report.truncated?.length) {
    notes.push(`<p>${w.truncated}</p><ul>${report.truncated.map((t) => `<li>${line(w.truncatedItem(t.ruleId, t.omitted))}</li>`).join("")}</ul>`);
  }
  return section(
    "summary",
    w.sections.summary,
    [
      `<dl class="figures">${figures}</dl>`,
      `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`,
      `<div class="columns"><table><caption>${w.bySeverityCaption}</caption><thead><tr><th scope="col">${w.severityCol}</th><th scope="col" class="num">${w.countCol}</th></tr></thead><tbody>${severityRows}</tbody></table>${domainTable}</div>`,
      ...notes
    ].join("\n")
  );
}
function verification(w, report, date) {
  const signature = report.signature;
  const content = signature ? `<p>${w.signedLead} <code>${line(signature.keyId)}</code>${signature.signedAt ? w.signedAt(date(signature.signedAt)) : ""}.</p>
<p>${w.cannotVerifySelf}</p>
<pre class="command"><code>${line(w.verifyCommand)}</code></pre>` : `<p>${w.unsigned}</p>
<p>${w.howToSign}</p>
<pre class="command"><code>${line(w.signCommand)}</code></pre>`;
  return section("verification", w.sections.verification, content);
}
function bar(passed, failed, waived) {
  const total = passed + failed + waived;
  if (total === 0) return "";
  let x = 0;
  const rects = [
    [passed, "#18753c"],
    [waived, "#716043"],
    [failed, "#ce0500"]
  ].filter(([n]) => n > 0).map(([n, color]) => {
    const width = n / total * 100;
    const rect = `<rect x="${x.toFixed(3)}" y="0" width="${width.toFixed(3)}" height="10" fill="${color}"/>`;
    x += width;
    return rect;
  }).join("");
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}</svg>`;
}
function scores(w, report, domainLabel) {
  const legend = `<ul class="legend" aria-label="${w.legend}"><li><span class="swatch pass" aria-hidden="true"></span>${w.passed}</li><li><span class="swatch waive" aria-hidden="true"></span>${w.waived}</li><li><span class="swatch fail" aria-hidden="true"></span>${w.failed}</li></ul>`;
  const head = (first, extra = "") => `<thead><tr><th scope="col">${first}</th>${extra}<th scope="col" class="num">${w.passed}</th><th scope="col" class="num">${w.waived}</th><th scope="col" class="num">${w.failed}</th><th scope="col" class="num">${w.total}</th><th scope="col">${w.distribution}</th></tr></thead>`;
  const cells = (s) => `<td class="num">${line(s.passed)}</td><td class="num">${line(s.waived)}</td><td class="num">${line(s.failed)}</td><td class="num">${line(s.passed + s.failed + s.waived)}</td><td>${bar(s.passed, s.failed, s.waived)}</td>`;
  const frameworks = report.scores.frameworks;
  const parts = [`<p class="note">${w.scoresIntro}</p>`, legend];
  if (frameworks.length) {
    parts.push(
      `<div class="table-wrap" role="region" aria-labelledby="caption-frameworks" tabindex="0"><table><caption id="caption-frameworks">${w.byFrameworkCaption}</caption>${head(w.frameworkCol)}<tbody>${frameworks.map((s) => `<tr><th scope="row">${line(s.framework)}</th>${cells(s)}</tr>`).join("")}</tbody></table></div>`
    );
  } else {
    parts.push(`<p>${w.noScores}</p>`);
  }
  if (report.scores.domains.length) {
    parts.push(
      `<div class="table-wrap" role="region" aria-labelledby="caption-domains" tabindex="0"><table><caption id="caption-domains">${w.byDomainScoresCaption}</caption>${head(w.domainCol, `<th scope="col" class="num">${w.rulesCol}</th>`)}<tbody>${report.scores.domains.map((s) => `<tr><th scope="row">${line(domainLabel(s.domain))}</th><td class="num">${line(s.rules)}</td>${cells(s)}</tr>`).join("")}</tbody></table></div>`
    );
  }
  if (frameworks.some((s) => s.criteria.length)) {
    const rows = frameworks.flatMap(
      (s) => s.criteria.map(
        (c) => `<tr><th scope="row">${line(s.framework)}</th><td>${line(c.criterion)}</td><td><span class="state state-${c.status === "passed" ? "passed" : c.status === "failed" ? "failed" : "waived"}">${line(w.criterionStatus[c.status] ?? c.status)}</span></td><td class="wrapcell">${c.rules.map((r) => `<code>${line(r)}</code>`).join(", ")}</td></tr>`
      )
    ).join("");
    parts.push(
      `<details><summary>${w.criteriaDetails}</summary><div class="table-wrap" role="region" aria-labelledby="caption-criteria" tabindex="0"><table><caption id="caption-criteria">${w.criteriaCaption}</caption><thead><tr><th scope="col">${w.frameworkCol}</th><th scope="col">${w.criterionCol}</th><th scope="col">${w.statusCol}</th><th scope="col">${w.rulesCol}</th></tr></thead><tbody>${rows}</tbody></table></div></details>`
    );
  }
  return section("scores", w.sections.scores, parts.join("\n"));
}
function ordered(findings) {
  const rank = (f) => (f.waiver ? SEVERITIES.length : 0) + SEVERITIES.indexOf(severityOf(f.severity));
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}
function findingsSection(w, report, rules, f) {
  const total = report.findings.length;
  if (total === 0) return section("findings", w.sections.findings, `<p>${w.noFindings}</p>`);
  const frameworks = [...new Set(report.findings.flatMap((x) => (x.references ?? []).map((r) => r.framework)))].sort((a, b) => a.localeCompare(b));
  const frameworkIndex = new Map(frameworks.map((name, i) => [name, `f${i}`]));
  const domains = DOMAINS.filter((d) => report.findings.some((x) => x.domain === d));
  const severities = SEVERITIES.filter((s) => report.findings.some((x) => x.severity === s));
  const option = (value, label) => `<option value="${line(value)}">${line(label)}</option>`;
  const select = (name, label, all, options) => `<div class="control"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}">${option("", all)}${options}</select></div>`;
  const form = `<form id="filters" class="filters" hidden>
<fieldset><legend>${w.filters}</legend><div class="controls">
${select("severity", w.filterSeverity, w.allFeminine, severities.map((s) => option(s, f.severityLabel(s))).join(""))}
${select("domain", w.filterDomain, w.all, domains.map((d) => option(d, f.domainLabel(d))).join(""))}
${select("framework", w.filterFramework, w.all, frameworks.map((name) => option(frameworkIndex.get(name), name)).join(""))}
${select("state", w.filterStatus, w.all, option("open", w.statusOpen) + option("waived", w.statusWaived))}
<div class="control"><label for="filter-file">${w.filterFile}</label><input id="filter-file" name="file" type="text" autocomplete="off" spellcheck="false"></div>
<div class="control"><button type="reset">${w.reset}</button></div>
</div></fieldset>
</form>`;
  const count = (shown) => (shown === 0 ? w.countZero : shown === 1 ? w.countOne : w.countOther).replace("{shown}", String(shown)).replace("{total}", String(total));
  const status = `<p id="finding-count" class="status" role="status" aria-live="polite" data-zero="${line(w.countZero)}" data-one="${line(w.countOne)}" data-other="${line(w.countOther)}">${line(count(total))}</p>`;
  const items = ordered(report.findings).map((finding, i) => findingItem(w, finding, i + 1, rules.get(finding.ruleId), frameworkIndex, f));
  return section("findings", w.sections.findings, `${form}
${status}
<ol class="findings">
${items.join("\n")}
</ol>`);
}
function findingItem(w, finding, n, rule, frameworkIndex, f) {
  const severity = severityOf(finding.severity);
  const domain = domainOf(finding.domain);
  const references = finding.references ?? [];
  const frameworks = [...new Set(references.map((r) => frameworkIndex.get(r.framework)).filter(Boolean))].join(" ");
  const position = finding.line !== void 0 ? `:${line(finding.line)}${finding.column !== void 0 ? `:${line(finding.column)}` : ""}` : "";
  const where = finding.file !== void 0 ? `<code>${line(finding.file)}${position}</code>` : line(f.repositoryLevel);
  const id = `finding-${n}`;
  const title = rule?.title ?? finding.ruleId;
  const parts = [
    `<h3 id="${id}-title"><span class="badge sev-${severity}">${f.severityLabel(severity)}</span><span class="visually-hidden">${w.colon}</span>${line(title)}${finding.waiver ? ` <span class="badge waived">${w.waivedBadge}</span>` : ""}</h3>`,
    `<p class="where"><span class="visually-hidden">${w.location}${w.colon}</span>${where} · ${w.rule} <code>${line(finding.ruleId)}</code> · ${line(f.domainLabel(domain))}</p>`,
    `<p class="message">${line(finding.message)}</p>`
  ];
  if (finding.snippet) parts.push(`<pre class="snippet"><code>${text(finding.snippet)}</code></pre>`);
  if (finding.waiver) {
    const v = finding.waiver;
    const who = [v.author ? `${w.waiverFields.author}${w.colon}${line(v.author)}` : "", v.approver ? `${w.waiverFields.approver}${w.colon}${line(v.approver)}` : "", v.expires ? `${w.waiverFields.expires} ${f.day(v.expires)}` : "", `${w.waiverFields.location} <code>${line(v.location)}</code>`].filter(Boolean).join(" · ");
    parts.push(`<div class="waiver-note"><p><strong>${w.waivedBy}${w.colon.trimEnd()}</strong> ${text(v.justification)}</p><p class="note">${who}</p></div>`);
  }
  const details = [];
  if (rule?.remediation) details.push(`<dt>${w.remediation}</dt><dd>${prose(rule.remediation)}</dd>`);
  if (references.length) {
    const list = references.map((r) => {
      const label = `${line(r.framework)} ${line(r.criterion)}`;
      const url = safeUrl(r.url);
      return `<li>${url ? `<a href="${line(url)}">${label}</a>` : label}</li>`;
    }).join("");
    details.push(`<dt>${w.references}</dt><dd><ul>${list}</ul></dd>`);
  }
  if (details.length) parts.push(`<dl class="details">${details.join("")}</dl>`);
  return `<li class="finding sev-${severity}${finding.waiver ? " is-waived" : ""}" id="${id}" data-finding data-severity="${severity}" data-domain="${domain}" data-frameworks="${line(frameworks)}" data-state="${finding.waiver ? "waived" : "open"}" data-file="${line(finding.file ?? "")}">
<article aria-labelledby="${id}-title">
${parts.join("\n")}
</article>
</li>`;
}
function waivers(w, m, report, day) {
  if (report.waivers.length === 0) return section("waivers", w.sections.waivers, `<p>${w.noWaivers}</p>`);
  const cols = [w.rule, w.statusCol, w.waiverFields.where, w.waiverFields.justification, w.waiverFields.people, w.waiverFields.validity, w.waiverFields.matched];
  const field = (label, value) => `<span class="field">${label}${w.colon}${value}</span>`;
  const rows = report.waivers.map((v) => {
    const state = ["active", "expired", "stale", "refused", "invalid"].includes(v.status) ? v.status : "invalid";
    const scope = v.paths?.length ? v.paths.map((p) => `<code>${line(p)}</code>`).join(", ") : v.fingerprint ? `<code>${line(v.fingerprint)}</code>` : v.source === "inline" ? "" : line(w.wholeRepository);
    const where = [`<code>${line(v.location)}</code> <span class="note">(${v.source === "inline" ? w.sourceInline : w.sourceFile})</span>`, scope ? field(w.waiverFields.scope, scope) : ""];
    const people = [v.author ? field(w.waiverFields.author, line(v.author)) : "", v.approver ? field(w.waiverFields.approver, line(v.approver)) : ""];
    const validity = [v.created ? `<span class="field">${w.waiverFields.created} ${day(v.created)}</span>` : "", v.expires ? `<span class="field">${w.waiverFields.expires} ${day(v.expires)}</span>` : ""];
    const cell = (parts) => parts.filter(Boolean).join("<br>") || "—";
    return `<tr><th scope="row"><code class="id">${line(v.rule)}</code></th><td><span class="state state-${state}">${line(m.waiverStatus[v.status] ?? v.status)}</span>${v.detail ? `<br><span class="note">${line(v.detail)}</span>` : ""}</td><td class="path">${cell(where)}</td><td class="justification">${text(v.justification)}${v.ticket ? `<br><span class="note">${w.waiverFields.ticket}${w.colon}${line(v.ticket)}</span>` : ""}</td><td>${cell(people)}</td><td>${cell(validity)}</td><td class="num">${line(v.matched)}</td></tr>`;
  }).join("\n");
  return section(
    "waivers",
    w.sections.waivers,
    `<p class="note">${w.waiversIntro}</p>
<div class="table-wrap" role="region" aria-labelledby="caption-waivers" tabindex="0"><table><caption id="caption-waivers">${w.waiversCaption}</caption><thead><tr>${cols.map((c) => `<th scope="col">${c}</th>`).join("")}</tr></thead><tbody>
${rows}
</tbody></table></div>`
  );
}
function skipped(w, m, report) {
  if (report.skipped.length === 0) return section("skipped", w.sections.skipped, `<p>${w.noSkipped}</p>`);
  const rows = report.skipped.map((s) => `<tr><th scope="row" class="path"><code>${line(s.file)}</code></th><td>${line(m.skipReason[s.reason] ?? s.reason)}</td><td class="wrapcell">${s.detail ? line(s.detail) : "—"}</td></tr>`).join("\n");
  return section(
    "skipped",
    w.sections.skipped,
    `<div class="table-wrap" role="region" aria-labelledby="caption-skipped" tabindex="0"><table><caption id="caption-skipped">${w.skippedCaption}</caption><thead><tr><th scope="col">${w.fileCol}</th><th scope="col">${w.reasonCol}</th><th scope="col">${w.detailCol}</th></tr></thead><tbody>
${rows}
</tbody></table></div>`
  );
}
function errors(w, report) {
  if (report.errors.length === 0) return section("errors", w.sections.errors, `<p>${w.noErrors}</p>`);
  const rows = report.errors.map((e) => `<tr><td class="path">${e.file ? `<code>${line(e.file)}</code>` : "—"}</td><td class="num">${e.line !== void 0 ? line(e.line) : "—"}</td><td>${e.ruleId ? `<code>${line(e.ruleId)}</code>` : "—"}</td><td class="wrapcell">${text(e.message)}</td></tr>`).join("\n");
  return section(
    "errors",
    w.sections.errors,
    `<div class="table-wrap" role="region" aria-labelledby="caption-errors" tabindex="0"><table><caption id="caption-errors">${w.errorsCaption}</caption><thead><tr><th scope="col">${w.fileCol}</th><th scope="col" class="num">${w.lineCol}</th><th scope="col">${w.rule}</th><th scope="col">${w.messageCol}</th></tr></thead><tbody>
${rows}
</tbody></table></div>`
  );
}
export {
  CONTENT_SECURITY_POLICY,
  renderHtml
};
