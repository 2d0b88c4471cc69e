import { createRequire as __cadreCreateRequire } from 'node:module';
const require = __cadreCreateRequire(import.meta.url);

// src/model/types.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var DOMAINS = [
  "security",
  "secrets",
  "gdpr",
  "accessibility",
  "ecodesign",
  "sovereignty",
  "hygiene",
  "platform"
];
var LANGS = ["fr", "en"];

export {
  SEVERITIES,
  DOMAINS,
  LANGS
};
