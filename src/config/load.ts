// .cadre.yml: validated against schemas/config.schema.json, every error with its line and key.
// Paths it names are resolved from its own folder and may not leave the repository.

import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Lang, Severity } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';
import { parseStructured } from '../parse/yaml.js';
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
  if (!existsSync(file)) {
    if (explicitPath) throw new ConfigError(display, [{ message: 'configuration file not found' }]);
    return { config: {} };
  }
  const text = readFileSync(file, 'utf8');
  let documents;
  try {
    documents = parseStructured(text, new LineIndex(text), { limits: { maxDepth: 32, maxAliases: 20, maxExpandedNodes: 10_000 } });
  } catch (error) {
    throw new ConfigError(display, [{ line: (error as { line?: number }).line, message: `invalid YAML: ${(error as Error).message}` }]);
  }
  if (documents.length > 1) throw new ConfigError(display, [{ line: documents[1].line, message: 'one YAML document expected' }]);
  const document = documents[0];
  const value = document?.value ?? {};
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
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new ConfigError(display, [{ line: document?.lineOf(['rules', index]), key: `rules.${index}`, message: 'rule folder outside the repository' }]);
    }
    if (!existsSync(absolute)) {
      throw new ConfigError(display, [{ line: document?.lineOf(['rules', index]), key: `rules.${index}`, message: 'rule folder not found' }]);
    }
    return absolute;
  });
  return { config, file };
}
