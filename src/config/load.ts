// .cadre.yml: validated against schemas/config.schema.json, every error with its line and key.
// Paths it names are resolved from its own folder and may not leave the repository.
// The file found in the repository is the repository's: it is read only when it is a regular
// file (never through a symbolic link, never a FIFO) of at most MAX_CONFIG_BYTES, and keys that
// could reach an object's prototype (__proto__, constructor, prototype) are refused.

import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Lang, Severity } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';
import { parseStructured } from '../parse/yaml.js';
import { readSmallFile } from '../parse/read.js';
import { cadreValidator } from '../json-schema.js';
import type { Profile } from '../rules/profiles.js';

export interface CadreConfig {
  rules?: string[];
  builtinRules?: boolean;
  include?: string[];
  exclude?: string[];
  gitignore?: boolean;
  failOn?: Severity | 'none';
  lang?: Lang;
  maxFileSize?: number;
  fileTimeBudget?: number;
  maxFindingsPerRule?: number;
  disable?: string[];
  severity?: Record<string, Severity>;
  parameters?: Record<string, Record<string, unknown>>;
  profile?: string;
  profiles?: Record<string, Profile>;
}

export const DEFAULT_CONFIG_FILE = '.cadre.yml';
const MAX_CONFIG_BYTES = 256 * 1024;
/** Keys that name an object's prototype machinery: never data in cadre's own files. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first key of FORBIDDEN_KEYS in a parsed document, depth first. */
export function forbiddenKeyPath(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return [...path, key];
    const found = forbiddenKeyPath(child, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line?: number; key?: string; message: string }[],
  ) {
    super(problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.key ? `${p.key}: ` : ''}${p.message}`).join('\n'));
  }
}

/**
 * Reads the configuration. With no explicit path, `.cadre.yml` in the target is used when present.
 * Returns the config with its rule folders resolved to absolute paths.
 */
export function loadConfig(target: string, explicitPath?: string): { config: CadreConfig; file?: string } {
  const file = explicitPath ? resolve(explicitPath) : join(target, DEFAULT_CONFIG_FILE);
  const display = explicitPath ?? DEFAULT_CONFIG_FILE;
  if (!exists(file)) {
    if (explicitPath) throw new ConfigError(display, [{ message: 'configuration file not found' }]);
    return { config: {} };
  }
  // A file given on the command line is the operator's: it may be a link. The repository's is not followed.
  const read = readSmallFile(file, MAX_CONFIG_BYTES, { followLinks: Boolean(explicitPath) });
  if ('skip' in read) {
    const why = {
      symlink: 'is a symbolic link: not followed',
      'special-file': 'is not a regular file',
      'too-large': `is larger than ${MAX_CONFIG_BYTES} bytes`,
      unreadable: `cannot be read (${read.detail ?? 'error'})`,
    }[read.skip];
    throw new ConfigError(display, [{ message: `configuration file ${why}` }]);
  }
  const text = read.text;
  let documents;
  try {
    documents = parseStructured(text, new LineIndex(text), { limits: { maxDepth: 32, maxAliases: 20, maxExpandedNodes: 10_000 } });
  } catch (error) {
    throw new ConfigError(display, [{ line: (error as { line?: number }).line, message: `invalid YAML: ${(error as Error).message}` }]);
  }
  if (documents.length > 1) throw new ConfigError(display, [{ line: documents[1].line, message: 'one YAML document expected' }]);
  const document = documents[0];
  const value = document?.value ?? {};
  const forbidden = forbiddenKeyPath(value);
  if (forbidden) {
    throw new ConfigError(display, [{ line: document?.lineOf(forbidden), key: forbidden.join('.'), message: `key "${forbidden[forbidden.length - 1]}" is not allowed` }]);
  }
  const validator = cadreValidator('config');
  if (!validator(value)) {
    throw new ConfigError(
      display,
      (validator.errors ?? []).map((error) => {
        const path = error.instancePath.split('/').filter(Boolean);
        const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
        const keyPath = extra ? [...path, extra] : path;
        return {
          line: document?.lineOf(keyPath),
          key: keyPath.join('.') || '(root)',
          message: extra ? `unknown key "${extra}"` : (error.message ?? 'invalid'),
        };
      }),
    );
  }
  const config = value as CadreConfig;
  const base = dirname(file);
  const root = realpathSync(target);
  config.rules = config.rules?.map((folder, index) => {
    const absolute = isAbsolute(folder) ? folder : resolve(base, folder);
    const real = existsSync(absolute) ? realpathSync(absolute) : absolute;
    const inside = relative(root, real);
    if (inside === '..' || inside.startsWith('../') || isAbsolute(inside)) {
      throw new ConfigError(display, [{ line: document?.lineOf(['rules', index]), key: `rules.${index}`, message: 'rule folder outside the repository' }]);
    }
    if (!existsSync(absolute)) {
      throw new ConfigError(display, [{ line: document?.lineOf(['rules', index]), key: `rules.${index}`, message: 'rule folder not found' }]);
    }
    return absolute;
  });
  return { config, file };
}

/** Whether something is at this path, a dangling link included (existsSync follows links). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
