// A renderer turns the canonical report into one output format. Each lives in its own
// module and is loaded only when asked for.

import type { Report } from '../model/types.js';
import type { GateResult } from '../gate/gate.js';

export interface RenderOptions {
  /** Colour for a terminal. */
  color?: boolean;
  gate?: GateResult;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const FORMATS = ['console', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const loaders: Record<Format, () => Promise<Renderer>> = {
  console: async () => (await import('./console.js')).renderConsole,
  json: async () => (await import('./json.js')).renderJson,
  sarif: async () => (await import('./sarif.js')).renderSarif,
  html: async () => (await import('./html.js')).renderHtml,
};

export async function loadRenderer(format: Format): Promise<Renderer> {
  return loaders[format]();
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
