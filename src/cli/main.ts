#!/usr/bin/env node
// The cadre command line: parses arguments, wires the core stages together, prints.
// Exit codes: 0 the gate passes, 1 it fails, 2 usage, configuration or rule error.

import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LANGS, SEVERITIES, type Lang, type Rule } from '../model/types.js';
import { ConfigError } from '../config/load.js';
import { formatRuleProblem, loadRules } from '../rules/load.js';
import { TargetError, type ScanTimings } from '../scan.js';
import type { FailOn } from '../gate/gate.js';
import { DEFAULT_FAIL_ON, resolveRules, runCheck } from '../check.js';
import { verifyReport } from '../gate/verify.js';
import { parseDuration, signReport } from '../audit/sign.js';
import { generateKeyPair, loadPrivateKey, loadPublicKey } from '../audit/keys.js';
import { parseShard } from '../run/shard.js';
import { frameworkCoverage, loadFrameworkCatalogues, renderCoverage } from '../docs/frameworks.js';
import { writeRuleDocs } from '../docs/write.js';
import { mergeReports, MergeError } from '../report/merge.js';
import { isFormat, loadRenderer, FORMATS, type Format } from '../render/renderer.js';
import { messages } from '../i18n/messages.js';
import { packageRoot, packageVersion } from '../package-root.js';
import { outcomeFailures, testRules } from '../rules/fixture-test.js';
import { oneLine } from '../render/sanitize.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  cwd: string;
  /** Whether stderr is a terminal (progress). */
  stderrIsTTY?: boolean;
  /** Rewrites the progress line on stderr. */
  progress?: (text: string) => void;
}

export const EXIT = { passed: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

const HELP = `cadre — le cadre de normes de l'État, vérifié dans le code

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

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command === undefined ? EXIT.usage : EXIT.passed;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.passed;
    }
    if (command === 'check') return await checkCommand(rest, io);
    if (command === 'rules') return await rulesCommand(rest, io);
    if (command === 'verify') return verifyCommand(rest, io);
    if (command === 'merge') return mergeCommand(rest, io);
    if (command === 'keygen') return keygenCommand(rest, io);
    if (command === 'frameworks') return await frameworksCommand(rest, io);
    if (command === 'docs') return await docsCommand(rest, io);
    throw new UsageError(`unknown command "${command}" (try cadre --help)`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TargetError) {
      io.stderr(`cadre: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr(`cadre: invalid configuration\n${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function langOf(value: unknown): Lang {
  if (value === undefined) return 'fr';
  if (!(LANGS as readonly string[]).includes(String(value))) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  return value as Lang;
}

function failOnOf(value: unknown): FailOn {
  const allowed = [...SEVERITIES, 'none'];
  if (!allowed.includes(String(value))) throw new UsageError(`--fail-on must be one of ${allowed.join(', ')}`);
  return value as FailOn;
}

async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(args, {
    rules: { type: 'string', multiple: true },
    'no-builtin-rules': { type: 'boolean' },
    config: { type: 'string' },
    profile: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
    exclude: { type: 'string', multiple: true },
    timings: { type: 'boolean' },
    waivers: { type: 'string' },
    baseline: { type: 'string' },
    workers: { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    shard: { type: 'string' },
    progress: { type: 'boolean' },
    'no-progress': { type: 'boolean' },
    sign: { type: 'string' },
    attestation: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError('check takes one folder');
  const targetArg = positionals[0] ?? '.';
  const format = String(values.format ?? 'console');
  if (!isFormat(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);

  if (values.attestation && (!values.sign || format !== 'json')) throw new UsageError('--attestation needs --sign KEY and --format json');
  const signingKey = values.sign ? readKey(resolve(io.cwd, values.sign as string), 'private') : undefined;
  const { report: unsigned, gate, timings } = await runCheck({
    target: resolve(io.cwd, targetArg),
    targetName: targetArg,
    configPath: values.config ? resolve(io.cwd, values.config as string) : undefined,
    ruleFolders: ((values.rules as string[] | undefined) ?? []).map((dir) => resolve(io.cwd, dir)),
    builtinRules: !values['no-builtin-rules'],
    profile: values.profile as string | undefined,
    lang: values.lang === undefined ? undefined : langOf(values.lang),
    failOn: values['fail-on'] === undefined ? undefined : failOnOf(values['fail-on']),
    exclude: (values.exclude as string[] | undefined) ?? [],
    timings: Boolean(values.timings),
    waiversPath: values.waivers ? resolve(io.cwd, values.waivers as string) : undefined,
    baselinePath: values.baseline ? resolve(io.cwd, values.baseline as string) : undefined,
    workers: workersOf(values.workers),
    cacheDir: values['cache-location']
      ? resolve(io.cwd, values['cache-location'] as string)
      : values.cache
        ? resolve(io.cwd, targetArg, DEFAULT_CACHE_DIR)
        : undefined,
    shard: values.shard === undefined ? undefined : shardOf(values.shard as string),
    onProgress: showProgress(io, Boolean(values.progress), Boolean(values['no-progress'])),
  });

  const report = signingKey ? signReport(unsigned, signingKey) : unsigned;
  const output = values.output as string | undefined;
  const render = values.attestation
    ? () => `${JSON.stringify(signReport(unsigned, signingKey!, { attestation: true }), null, 2)}\n`
    : await loadRenderer(format as Format);
  if (output) {
    const path = resolve(io.cwd, output);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, render(report, { color: false, gate }));
    if (format !== 'console') io.stdout((await loadRenderer('console'))(report, { color: io.isTTY, gate }));
    io.stderr(`${messages(report.lang).written(output)}\n`);
  } else {
    io.stdout(render(report, { color: io.isTTY && format === 'console', gate }));
  }
  if (timings) io.stderr(formatTimings(timings, report.lang));
  return gate.passed ? EXIT.passed : EXIT.failed;
}

/** Rules for the rules subcommands: built-in (or only the given folders), no profile applied. */
async function rulesFor(extra: string[], builtin: boolean): Promise<Rule[]> {
  return (await resolveRules({ ruleFolders: extra, builtinRules: builtin, profile: undefined, config: {} })).rules;
}

const DEFAULT_CACHE_DIR = '.cadre-cache';

function workersOf(value: unknown): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value as 'auto' | undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError('--workers must be a number (0: main thread only) or auto');
  return n;
}

function shardOf(value: string) {
  try {
    return parseShard(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Progress on stderr for people: only on a terminal, outside CI, after a second (or always
 * with --progress). Never on stdout, so machine-readable output stays clean.
 */
function showProgress(io: CliIO, forced: boolean, disabled: boolean): ((done: number, total: number) => void) | undefined {
  if (disabled || !io.progress) return undefined;
  if (!forced && (!io.stderrIsTTY || process.env.CI)) return undefined;
  const started = performance.now();
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    const finished = done === total;
    if (!forced && now - started < 1000) return;
    if (!finished && now - last < 200) return;
    last = now;
    const rate = Math.round(done / ((now - started) / 1000));
    // No words: the language of the report is known only once the configuration is read.
    io.progress!(`${done}/${total} · ${rate}/s${finished ? '\n' : ''}`);
  };
}

function mergeCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parse(args, { output: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('usage: cadre merge REPORT... [--output FILE]');
  const reports = positionals.map((path) => {
    const result = verifyReport({ reportPath: resolve(io.cwd, path), failOn: 'none' });
    if (!result.report) throw new UsageError(`${path}: ${result.reasons.join('; ')}`);
    return result.report;
  });
  let merged;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(`cannot merge: ${error.message}`);
    throw error;
  }
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  if (values.output) writeFileSync(resolve(io.cwd, values.output as string), text);
  else io.stdout(text);
  return EXIT.passed;
}

async function frameworksCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { lang: { type: 'string' }, format: { type: 'string' }, profile: { type: 'string' } });
  const lang = langOf(values.lang);
  const { rules } = await resolveRules({ ruleFolders: [], builtinRules: true, profile: values.profile as string | undefined, config: {} });
  const coverage = frameworkCoverage(rules, loadFrameworkCatalogues(), lang);
  if (values.format === 'json') io.stdout(`${JSON.stringify(coverage, null, 2)}\n`);
  else if (values.format === undefined || values.format === 'console') io.stdout(renderCoverage(coverage, lang));
  else throw new UsageError('--format must be console or json');
  return EXIT.passed;
}

/** Writes the rule reference (docs/rules); with --check, exits 1 when the committed pages differ. */
async function docsCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { output: { type: 'string' }, check: { type: 'boolean' } });
  const output = resolve(io.cwd, (values.output as string | undefined) ?? join(packageRoot(), 'docs', 'rules'));
  const stale = await writeRuleDocs(output, Boolean(values.check));
  if (values.check && stale.length > 0) {
    io.stderr(`docs out of date (run npm run docs): ${stale.join(', ')}\n`);
    return EXIT.failed;
  }
  return EXIT.passed;
}

/** Reads a PEM key file, with a usage error (never the key itself) when it is not one. */
function readKey(path: string, kind: 'private' | 'public'): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${kind} key ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    if (kind === 'private') loadPrivateKey(pem);
    else loadPublicKey(pem);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  return pem;
}

function keygenCommand(args: string[], io: CliIO): number {
  const { values } = parse(args, { out: { type: 'string' } });
  const prefix = resolve(io.cwd, (values.out as string | undefined) ?? 'cadre-signing');
  if (existsSync(`${prefix}.key`)) throw new UsageError(`${prefix}.key exists: choose another --out`);
  const pair = generateKeyPair();
  mkdirSync(dirname(prefix), { recursive: true });
  writeFileSync(`${prefix}.key`, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(`${prefix}.pub`, pair.publicKeyPem);
  io.stdout(`${prefix}.key (private, keep it in a CI secret)\n${prefix}.pub (public, for cadre verify --key)\nkey id ${pair.keyId}\n`);
  return EXIT.passed;
}

function verifyCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    commit: { type: 'string' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
    key: { type: 'string' },
    'max-age': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('usage: cadre verify REPORT [--key PUB] [--commit SHA] [--max-age 7d] [--fail-on SEVERITY]');
  const t = messages(langOf(values.lang));
  let maxAgeMs: number | undefined;
  try {
    maxAgeMs = values['max-age'] === undefined ? undefined : parseDuration(values['max-age'] as string);
  } catch {
    throw new UsageError('--max-age must be a duration such as 7d, 12h or 30m');
  }
  const result = verifyReport({
    reportPath: resolve(io.cwd, positionals[0]),
    commit: values.commit as string | undefined,
    failOn: values['fail-on'] === undefined ? DEFAULT_FAIL_ON : failOnOf(values['fail-on']),
    publicKeyPem: values.key ? readKey(resolve(io.cwd, values.key as string), 'public') : undefined,
    maxAgeMs,
  });
  if (result.ok) {
    io.stdout(`${t.verified}${result.signature?.verified ? ` (${result.signature.keyId})` : ''}\n`);
    return EXIT.passed;
  }
  io.stderr(`${t.notVerified}\n${result.reasons.map((r) => `  - ${oneLine(r)}`).join('\n')}\n`);
  return EXIT.failed;
}

async function rulesCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parse(rest, {
      rules: { type: 'string', multiple: true },
      'no-builtin-rules': { type: 'boolean' },
      lang: { type: 'string' },
      format: { type: 'string' },
    });
    const lang = langOf(values.lang);
    const rules = await rulesFor(((values.rules as string[] | undefined) ?? []).map((dir) => resolve(io.cwd, dir)), !values['no-builtin-rules']);
    rules.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify(rules.map(({ source: _s, check: _c, ...rule }) => rule), null, 2)}\n`);
      return EXIT.passed;
    }
    if (values.format !== undefined && values.format !== 'console') throw new UsageError('--format must be console or json');
    const t = messages(lang);
    const width = Math.max(...rules.map((r) => r.id.length), 10);
    for (const rule of rules) {
      const refs = rule.references.map((r) => `${r.framework} ${r.criterion}`).join(', ');
      io.stdout(`${rule.id.padEnd(width)}  ${t.severity[rule.severity].padEnd(8)}  ${rule.domain.padEnd(13)}  ${rule.title[lang]}  [${refs}]\n`);
    }
    io.stdout(`${t.rulesLoaded(rules.length)}\n`);
    return EXIT.passed;
  }
  if (sub === 'validate') {
    const { values, positionals } = parse(rest, { lang: { type: 'string' } });
    const t = messages(langOf(values.lang));
    if (positionals.length === 0) throw new UsageError('rules validate needs at least one folder or file');
    const { rules, problems } = await loadRules(positionals.map((p) => resolve(io.cwd, p)), { base: io.cwd });
    for (const problem of problems) io.stderr(`${oneLine(formatRuleProblem(problem))}\n`);
    if (problems.length > 0) {
      io.stderr(`${t.rulesInvalid(problems.length)}\n`);
      return EXIT.usage;
    }
    io.stdout(`${t.rulesValid(rules.length)}\n`);
    return EXIT.passed;
  }
  if (sub === 'test') {
    const { values } = parse(rest, {
      rules: { type: 'string', multiple: true },
      fixtures: { type: 'string' },
      only: { type: 'string', multiple: true },
    });
    const custom = ((values.rules as string[] | undefined) ?? []).map((dir) => resolve(io.cwd, dir));
    if (custom.length > 0 && !values.fixtures) throw new UsageError('rules test --rules DIR needs --fixtures DIR');
    const fixtures = values.fixtures ? resolve(io.cwd, values.fixtures as string) : join(packageRoot(), 'fixtures', 'rules');
    let rules = await rulesFor(custom, custom.length === 0);
    const only = values.only as string[] | undefined;
    if (only) rules = rules.filter((rule) => only.includes(rule.id));
    const outcomes = await testRules(rules, fixtures);
    let failed = 0;
    for (const outcome of outcomes) {
      const failures = outcomeFailures(outcome);
      if (failures.length === 0) continue;
      failed++;
      io.stdout(`✗ ${outcome.ruleId}\n${failures.map((f) => `    ${oneLine(f)}`).join('\n')}\n`);
    }
    io.stdout(`${outcomes.length - failed} passed, ${failed} failed\n`);
    return failed === 0 ? EXIT.passed : EXIT.failed;
  }
  throw new UsageError('usage: cadre rules list | validate DIR... | test [--rules DIR --fixtures DIR]');
}

function formatTimings(timings: ScanTimings, lang: Lang): string {
  const t = messages(lang);
  const lines = [t.timingsTitle];
  for (const [phase, ms] of Object.entries(timings.phases)) lines.push(`  ${phase.padEnd(10)} ${ms.toFixed(1)}`);
  for (const [kind, ms] of Object.entries(timings.parse)) lines.push(`    parse:${kind.padEnd(10)} ${ms!.toFixed(1)}`);
  lines.push(t.slowestRules);
  for (const rule of timings.rules.slice(0, 10)) lines.push(`  ${rule.ruleId.padEnd(40)} ${rule.milliseconds.toFixed(1)} ms  ${rule.files} ${t.files}`);
  return `${lines.join('\n')}\n`;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
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
    progress: (text) => process.stderr.write(process.stderr.isTTY ? `\r\u001b[2K${text}` : `${text}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`cadre: internal error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
