// .cadre-waivers.yml: accepted risks, schema-validated, each with the line it is written on.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/load.js';
import { cadreValidator } from '../json-schema.js';
import { LineIndex } from '../parse/line-index.js';
import { parseStructured } from '../parse/yaml.js';

export const DEFAULT_WAIVER_FILE = '.cadre-waivers.yml';

export interface Waiver {
  rule: string;
  paths?: string[];
  fingerprint?: string;
  justification: string;
  author: string;
  approver?: string;
  ticket?: string;
  created: string;
  expires: string;
  /** `.cadre-waivers.yml:12` */
  location: string;
}

/** Reads the waiver file of the target (or the one given); none is fine, an invalid one is a ConfigError. */
export function loadWaivers(target: string, explicitPath?: string): Waiver[] {
  const path = explicitPath ?? join(target, DEFAULT_WAIVER_FILE);
  const display = explicitPath ?? DEFAULT_WAIVER_FILE;
  if (!existsSync(path)) {
    if (explicitPath) throw new ConfigError(display, [{ message: 'waiver file not found' }]);
    return [];
  }
  const text = readFileSync(path, 'utf8');
  let document;
  try {
    [document] = parseStructured(text, new LineIndex(text), { limits: { maxDepth: 16, maxAliases: 0, maxExpandedNodes: 100_000 } });
  } catch (error) {
    throw new ConfigError(display, [{ line: (error as { line?: number }).line, message: `invalid YAML: ${(error as Error).message}` }]);
  }
  const value = document?.value ?? { waivers: [] };
  const validate = cadreValidator('waivers');
  if (!validate(value)) {
    throw new ConfigError(
      display,
      (validate.errors ?? []).map((error) => {
        const path = error.instancePath.split('/').filter(Boolean);
        const extra = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
        const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
        const keyPath = [...path, ...(extra ? [extra] : missing ? [missing] : [])];
        return {
          line: document?.lineOf(extra ? keyPath : path),
          key: keyPath.join('.') || '(root)',
          message: extra ? `unknown key "${extra}"` : missing ? `missing required key "${missing}"` : (error.message ?? 'invalid'),
        };
      }),
    );
  }
  const waivers = (value as { waivers: Omit<Waiver, 'location'>[] }).waivers;
  return waivers.map((waiver, index) => ({ ...waiver, location: `${display}:${document!.lineOf(['waivers', index])}` }));
}
