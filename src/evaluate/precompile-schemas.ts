// Build time only: the validators of cadre's own rules, generated once by ajv's standalone code
// generator (see ./schema-engine.ts, which loads them).

import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { writeFileSync } from 'node:fs';
import { builtValidatorsPath, ENGINE, SCHEMA_ENGINE_OPTIONS, VALIDATOR_RUNTIME, type PrecompiledFile, type SchemaEngine } from './schema-engine.js';

/**
 * A schema engine that also remembers every schema it compiles: the build compiles cadre's own
 * rules through it, then writes their validators with writePrecompiled.
 */
export function recordingSchemaEngine(): SchemaEngine & { schemas: Map<string, Record<string, unknown>> } {
  const ajv = new Ajv(SCHEMA_ENGINE_OPTIONS);
  const schemas = new Map<string, Record<string, unknown>>();
  return {
    schemas,
    compile(schema) {
      schemas.set(JSON.stringify(schema), schema);
      return ajv.compile(schema);
    },
  };
}

/** Generates the validators of these schemas and writes them where createSchemaEngine finds them. */
export function writePrecompiled(schemas: Record<string, unknown>[], path = builtValidatorsPath()): void {
  const ajv = new Ajv({ ...SCHEMA_ENGINE_OPTIONS, code: { source: true } });
  const exports: Record<string, string> = {};
  schemas.forEach((schema, i) => {
    ajv.addSchema(schema, `v${i}`);
    exports[`v${i}`] = `v${i}`;
  });
  const code = standaloneCode.default(ajv, exports);
  for (const [, name] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (!(name in VALIDATOR_RUNTIME)) throw new Error(`generated validators require ${name}, which the schema engine does not provide`);
  }
  const file: PrecompiledFile = { engine: ENGINE, schemas: schemas.map((schema) => JSON.stringify(schema)), code };
  writeFileSync(path, JSON.stringify(file));
}
