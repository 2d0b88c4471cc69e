// The JSON Schema engine of schema and objects checks. Generating a validator is most of what
// compiling a rule costs (about 0.2 s for the Kubernetes rules, in every thread), so the
// validators of cadre's own rules, under every built-in profile, are generated once at build time
// (`npm run build` writes lib/builtin-validators.json; `npm run build:action` copies it into
// dist/; see ./precompile-schemas.ts). A validator is looked up by the schema's own text: a
// schema the build did not see (a project's rule, a parameter the project changed) is compiled by
// ajv as usual.

import { Ajv, type Options, type ValidateFunction } from 'ajv';
import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import uri from 'ajv/dist/runtime/uri.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export interface SchemaEngine {
  compile(schema: Record<string, unknown>): ValidateFunction;
}

/** Strict about the schemas, so typos fail at load time. */
export const SCHEMA_ENGINE_OPTIONS: Options = { allErrors: false, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true, validateFormats: false };

/** A CommonJS module's default export, however the importer (Node, or the bundler of dist/) hands it over. */
const defaultOf = (module: unknown): unknown => (typeof module === 'function' ? module : (module as { default: unknown }).default);

/** The helpers generated validators require from ajv's runtime (`require(name).default`). */
export const VALIDATOR_RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/equal': defaultOf(equal),
  'ajv/dist/runtime/ucs2length': defaultOf(ucs2length),
  'ajv/dist/runtime/uri': defaultOf(uri),
};

export interface PrecompiledFile {
  /** The engine's options: validators generated under others are not used (the build rewrites the file with ajv's version of the day). */
  engine: string;
  /** The schema of each validator, as JSON.stringify writes it; validator i is exported as `v<i>`. */
  schemas: string[];
  /** CommonJS code from ajv's standalone generator. */
  code: string;
}

export const ENGINE = JSON.stringify(SCHEMA_ENGINE_OPTIONS);

/** The engine, with the validators of `validatorsFile` (default: the build's) loaded the first time a schema is compiled. */
export function createSchemaEngine(validatorsFile?: string): SchemaEngine {
  const ajv = new Ajv(SCHEMA_ENGINE_OPTIONS);
  let precompiled: Map<string, ValidateFunction> | undefined;
  return {
    compile(schema) {
      precompiled ??= loadPrecompiled(validatorsFile ?? validatorsPath());
      return precompiled.get(JSON.stringify(schema)) ?? ajv.compile(schema);
    },
  };
}

/** Where `npm run build` writes the validators. */
export function builtValidatorsPath(): string {
  return join(packageRoot(), 'lib', 'builtin-validators.json');
}

function validatorsPath(): string {
  const built = builtValidatorsPath();
  return existsSync(built) ? built : join(packageRoot(), 'dist', 'builtin-validators.json');
}

/** The build's validators by schema text; none when the file is missing or was made by another engine. */
function loadPrecompiled(path: string): Map<string, ValidateFunction> {
  let file: PrecompiledFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as PrecompiledFile;
  } catch {
    return new Map();
  }
  if (file.engine !== ENGINE) return new Map();
  const exports: Record<string, ValidateFunction> = {};
  const require = (name: string) => {
    if (!(name in VALIDATOR_RUNTIME)) throw new Error(`generated validator requires ${name}`);
    return { default: VALIDATOR_RUNTIME[name] };
  };
  new Function('exports', 'require', file.code)(exports, require);
  return new Map(file.schemas.map((schema, i) => [schema, exports[`v${i}`]]));
}
