// One compliance check, from a request to a judged report: configuration, rules (built-in,
// extra folders, profile, project overrides), scan, gate. The CLI and the CI adapters call
// this and differ only in how they show the outcome.

import type { Lang, Report, Rule } from './model/types.js';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig, type CadreConfig } from './config/load.js';
import { builtinRulesDir, formatRuleProblem, loadRules } from './rules/load.js';
import { applyProfile, DEFAULT_PROFILE, ProfileError } from './rules/profiles.js';
import { withParameterValues } from './evaluate/parameters.js';
import { scan, type ScanTimings } from './scan.js';
import type { Shard } from './run/shard.js';
import { evaluateGate, type FailOn, type GateResult } from './gate/gate.js';
import { oneLine } from './render/sanitize.js';
import { loadWaivers } from './waive/waiver-file.js';
import { loadBaseline } from './waive/baseline.js';

export const DEFAULT_FAIL_ON: FailOn = 'high';

export interface CheckRequest {
  /** Absolute path of the folder to scan. */
  target: string;
  /** How the target is named in the report. */
  targetName?: string;
  /** Absolute path of the configuration file (default: <target>/.cadre.yml when present). */
  configPath?: string;
  /** Extra rule folders (absolute). */
  ruleFolders?: string[];
  builtinRules?: boolean;
  profile?: string;
  lang?: Lang;
  failOn?: FailOn;
  exclude?: string[];
  timings?: boolean;
  /** Absolute path of the waiver file (default: <target>/.cadre-waivers.yml when present). */
  waiversPath?: string;
  /** Absolute path of a previous report: only new findings are reported and gated. */
  baselinePath?: string;
  /** Day waivers are judged against (YYYY-MM-DD); default today. */
  today?: string;
  workers?: number | 'auto';
  /** Absolute path of the content cache folder; no cache when absent. */
  cacheDir?: string;
  shard?: Shard;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckOutcome {
  report: Report;
  gate: GateResult;
  config: CadreConfig;
  timings?: ScanTimings;
}

/**
 * What a request is judged with: its configuration, its rules (built-in, extra folders, profile,
 * project overrides) and the gate threshold (the request's, else the configuration's, else the
 * profile's, else DEFAULT_FAIL_ON).
 */
export async function resolveRequest(request: CheckRequest): Promise<{ config: CadreConfig; rules: Rule[]; profile?: string; failOn: FailOn }> {
  const { config } = loadConfig(request.target, request.configPath);
  const { rules, failOn: profileFailOn, profile } = await resolveRules({
    ruleFolders: [...(request.ruleFolders ?? []), ...(config.rules ?? [])],
    builtinRules: request.builtinRules !== false && config.builtinRules !== false,
    profile: request.profile ?? config.profile,
    config,
  });
  return { config, rules, profile, failOn: request.failOn ?? config.failOn ?? profileFailOn ?? DEFAULT_FAIL_ON };
}

export async function runCheck(request: CheckRequest): Promise<CheckOutcome> {
  const { config, rules, profile, failOn } = await resolveRequest(request);
  const lang = request.lang ?? config.lang ?? 'fr';
  const waivers = loadWaivers(request.target, request.waiversPath);
  const baseline = request.baselinePath ? loadBaseline(request.baselinePath, request.baselinePath) : undefined;
  const { report, timings } = await scan({
    target: request.target,
    targetName: request.targetName,
    rules,
    lang,
    profile,
    include: config.include,
    exclude: [...(config.exclude ?? []), ...(request.exclude ?? [])],
    gitignore: config.gitignore,
    maxFileSize: config.maxFileSize,
    fileTimeBudgetMs: config.fileTimeBudget,
    maxFindingsPerRule: config.maxFindingsPerRule,
    timings: request.timings,
    waivers,
    baseline,
    today: request.today,
    workers: request.workers,
    cacheDir: request.cacheDir,
    shard: request.shard,
    onProgress: request.onProgress,
    trustedRules: (request.ruleFolders ?? []).length === 0 && (config.rules ?? []).length === 0,
  });
  const gate = evaluateGate(report, failOn);
  return { report, gate, config, timings };
}

export interface ResolvedRules {
  rules: Rule[];
  profile?: string;
  failOn?: FailOn;
}

/**
 * Loads the rules and applies, in order: the profile (built-in rules only), then the project's
 * disable list, severity overrides and parameter values. Any problem is a ConfigError.
 */
export async function resolveRules(options: {
  ruleFolders: string[];
  builtinRules: boolean;
  profile?: string;
  config: CadreConfig;
}): Promise<ResolvedRules> {
  const locations = [...(options.builtinRules ? [builtinRulesDir()] : []), ...options.ruleFolders];
  const { rules: loaded, problems } = await loadRules(locations, { skipCompile: [builtinRulesDir()] });
  if (problems.length > 0) throw new ConfigError('rules', problems.map((p) => ({ message: oneLine(formatRuleProblem(p)) })));

  let rules = loaded;
  let failOn: FailOn | undefined;
  let profile: string | undefined;
  if (options.builtinRules || options.profile) {
    try {
      const applied = applyProfile(rules, options.profile ?? DEFAULT_PROFILE, options.config.profiles);
      ({ rules, failOn } = applied);
      profile = applied.name;
    } catch (error) {
      if (error instanceof ProfileError) throw new ConfigError(DEFAULT_CONFIG_FILE, [{ key: 'profile', message: error.message }]);
      throw error;
    }
  }

  const config = options.config;
  const known = new Set(loaded.map((rule) => rule.id));
  const unknown = [...(config.disable ?? []), ...Object.keys(config.severity ?? {}), ...Object.keys(config.parameters ?? {})].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ConfigError(DEFAULT_CONFIG_FILE, unknown.map((id) => ({ key: id, message: 'unknown rule id' })));
  const disabled = new Set(config.disable ?? []);
  try {
    rules = rules
      .filter((rule) => !disabled.has(rule.id))
      .map((rule) => {
        const severity = config.severity?.[rule.id];
        return withParameterValues(severity ? { ...rule, severity } : rule, config.parameters?.[rule.id]);
      });
  } catch (error) {
    throw new ConfigError(DEFAULT_CONFIG_FILE, [{ key: 'parameters', message: (error as Error).message }]);
  }
  return { rules, profile, failOn };
}
