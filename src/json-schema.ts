// Validators for cadre's own published schemas (rule, config, profile, report), compiled once.

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readPackageJson } from './package-root.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export type CadreSchema = 'rule' | 'config' | 'profile' | 'report' | 'waivers' | 'framework';

let ajv: Ajv | undefined;
const compiled = new Map<CadreSchema, ValidateFunction>();

export function cadreValidator(name: CadreSchema): ValidateFunction {
  let validate = compiled.get(name);
  if (validate) return validate;
  if (!ajv) {
    ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    ajv.addSchema(readPackageJson('schemas/profile.schema.json'));
  }
  const schema = readPackageJson<{ $id: string }>(`schemas/${name}.schema.json`);
  validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}
