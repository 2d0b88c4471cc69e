// The shared vocabulary of cadre: rules, documents, findings and the report.
// Every stage of the pipeline (discover → parse → evaluate → waive → report → gate)
// speaks these types; nothing here depends on a stage.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DOMAINS = [
  'security',
  'secrets',
  'gdpr',
  'accessibility',
  'ecodesign',
  'sovereignty',
  'hygiene',
  'platform',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in every supported language. */
export type Localized = Record<Lang, string>;

export const DOCUMENT_KINDS = ['text', 'yaml', 'json', 'kubernetes', 'dockerfile', 'html', 'repository'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Reference {
  framework: string;
  criterion: string;
  url?: string;
}

/** Where a rule applies: one document kind, optionally narrowed by path globs. */
export interface RuleTarget {
  kind: DocumentKind;
  files?: string[];
  exclude?: string[];
}

/**
 * A check is a tree: leaves are check kinds (text, schema, html, repository),
 * inner nodes are the combinators all / any / not. The exact shape of each leaf
 * is defined by its module under src/evaluate/checks and by schemas/rule.schema.json.
 */
export type Check =
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check }
  | { text: TextCheck }
  | { schema: SchemaCheck }
  | { html: HtmlCheck }
  | { repository: RepositoryCheck }
  | { objects: ObjectsCheck };

export type Validator = 'luhn' | 'nir' | 'iban' | 'siren' | 'siret';

export interface TextCheck {
  /** Regular expression; each match is a violation. */
  match: string;
  ignoreCase?: boolean;
  /** Lower-case substrings, at least one of which must occur in the file before the expression runs. */
  keywords?: string[];
  /** Name of the capture group holding the value that validators, entropy and allow apply to. */
  capture?: string;
  validator?: Validator;
  minEntropy?: number;
  /** Drop values that look like placeholders (${VAR}, changeme, xxx…). */
  skipPlaceholders?: boolean;
  /** Expressions that, when they match the value, discard the match. */
  allow?: string[];
  /** Hide the value in messages and snippets (secrets). */
  redact?: boolean;
}

export interface SchemaCheck {
  /** Named selector of the document kind, or a dotted path with `*` wildcards. */
  select?: string;
  /** Only nodes that validate against this schema are checked. */
  where?: Record<string, unknown>;
  /** The schema a compliant node validates against; a node that does not is a violation. */
  assert: Record<string, unknown>;
  /** The node holds a secret: the snippet is cut after the line's separator. */
  redact?: boolean;
}

export interface HtmlCheck {
  /** CSS selector; each matching element is a violation. */
  match: string;
  /** Only evaluate files that are whole HTML documents (contain an <html> element). */
  documentsOnly?: boolean;
}

export interface RepositoryCheck {
  /** Each existing path matching one of these globs is a violation. */
  exists?: string[];
  /** A violation when no path matches any of these globs. */
  missing?: string[];
  /** With missing: evaluate in the folder of every file matching this glob instead of the root. */
  forEach?: string;
  /** With exists: only files of at least this many bytes. */
  minSize?: number;
}

/** Kubernetes objects of the whole repository, for rules about their presence or absence. */
export interface ObjectsCheck {
  kinds: string[];
  where?: Record<string, unknown>;
}

export interface RuleParameter {
  description: string;
  default: unknown;
}

export interface Rule {
  id: string;
  domain: Domain;
  severity: Severity;
  title: Localized;
  message: Localized;
  remediation: Localized;
  references: Reference[];
  tags?: string[];
  target: RuleTarget;
  check: Check;
  /** Some risks (a leaked private key) cannot be accepted, only fixed. */
  waivable?: boolean;
  /** Values the user may change; `default` holds the value in force once configuration is applied. */
  parameters?: Record<string, RuleParameter>;
  /** Where the rule was loaded from, relative to the rule root; not part of the rule's identity. */
  source?: string;
}

/** 1-based positions. */
export interface Position {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding extends Partial<Position> {
  ruleId: string;
  severity: Severity;
  domain: Domain;
  message: string;
  /** POSIX path relative to the target; absent for repository-level findings. */
  file?: string;
  snippet?: string;
  references: Reference[];
  fingerprint: string;
  /** Present when an accepted risk covers the finding: it is reported but does not fail the gate. */
  waiver?: AppliedWaiver;
}

/** Who accepted a finding, why, and until when. */
export interface AppliedWaiver {
  source: 'file' | 'inline';
  /** Where the waiver is written: `.cadre-waivers.yml:12` or `src/app.js:40`. */
  location: string;
  justification: string;
  author?: string;
  approver?: string;
  expires?: string;
}

export type WaiverStatus = 'active' | 'expired' | 'stale' | 'refused' | 'invalid';

/** A waiver of the waiver file or an inline suppression, and what became of it in this scan. */
export interface WaiverRecord {
  source: 'file' | 'inline';
  location: string;
  rule: string;
  paths?: string[];
  fingerprint?: string;
  justification: string;
  author?: string;
  approver?: string;
  ticket?: string;
  created?: string;
  expires?: string;
  status: WaiverStatus;
  /** Findings it covers (active) or would have covered (expired, refused). */
  matched: number;
  /** Why it is expired, stale, refused or invalid. */
  detail?: string;
}

export interface CriterionScore {
  criterion: string;
  status: 'passed' | 'failed' | 'waived';
  rules: string[];
}

export interface ScoreLine {
  passed: number;
  failed: number;
  waived: number;
}

export interface Scores {
  frameworks: (ScoreLine & { framework: string; criteria: CriterionScore[] })[];
  domains: (ScoreLine & { domain: Domain; rules: number })[];
}

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  detail?: string;
}

export type SkipReason = 'binary' | 'too-large' | 'symlink' | 'unreadable' | 'template' | 'special-file' | 'parse-limit' | 'time-budget';

export interface ScanError {
  file?: string;
  line?: number;
  ruleId?: string;
  message: string;
}

export interface RuleSummary {
  id: string;
  domain: Domain;
  severity: Severity;
  title: string;
  description: string;
  remediation: string;
  references: Reference[];
  tags: string[];
  helpUri?: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface Report {
  $schema?: string;
  reportVersion: '1';
  tool: { name: 'cadre'; version: string };
  ruleset: { digest: string; rules: number; profile?: string };
  target: { path: string; commit?: string };
  lang: Lang;
  startedAt: string;
  durationMs: number;
  summary: {
    files: number;
    /** Findings that count for the gate: not waived, not known from the baseline. */
    findings: number;
    waived: number;
    bySeverity: SeverityCounts;
    byDomain: Record<string, number>;
  };
  scores: Scores;
  waivers: WaiverRecord[];
  baseline?: { findings: number; unchanged: number; fixed: number; new: number };
  /** Rules that hit the per-rule findings cap, with how many findings were left out. */
  truncated?: { ruleId: string; omitted: number }[];
  /** Present on the report of one shard of a sharded scan (`cadre merge` joins them). */
  shard?: { index: number; total: number };
  rules: RuleSummary[];
  findings: Finding[];
  skipped: SkippedFile[];
  errors: ScanError[];
  /** Added by `cadre check --sign`: see src/audit/sign.ts for what it covers. */
  signature?: ReportSignature;
}

/** An Ed25519 signature over the canonical JSON of the report, this object's `value` left out. */
export interface ReportSignature {
  algorithm: 'ed25519';
  /** First 16 hex digits of the SHA-256 of the public key (SPKI, DER). */
  keyId: string;
  /** Base64. */
  value: string;
  signedAt?: string;
}
