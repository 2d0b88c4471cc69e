// A renderer turns the canonical report into one output format. Each lives in its own
// module and is loaded only when asked for.

import type { Report } from '../model/types.js';
import type { GateResult } from '../gate/gate.js';

export interface RenderOptions {
  /** Colour for a terminal. */
  color?: boolean;
  gate?: GateResult;
  /** Markdown only: the most characters the text may take (default 60,000; GitHub comments stop at 65,536). */
  maxLength?: number;
}

export type Renderer = (report: Report, options: RenderOptions) => string;

export const FORMATS = ['console', 'json', 'sarif', 'html', 'codequality', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

const loaders: Record<Format, () => Promise<Renderer>> = {
  console: async () => (await import('./console.js')).renderConsole,
  json: async () => (await import('./json.js')).renderJson,
  sarif: async () => (await import('./sarif.js')).renderSarif,
  html: async () => (await import('./html.js')).renderHtml,
  codequality: async () => (await import('./codequality.js')).renderCodeQuality,
  junit: async () => (await import('./junit.js')).renderJunit,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
};

export async function loadRenderer(format: Format): Promise<Renderer> {
  return loaders[format]();
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
