import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);
import "./chunk-CBBNNE4E.js";

// src/render/json.ts
var renderJson = (report) => `${JSON.stringify(report, null, 2)}
`;
export {
  renderJson
};
