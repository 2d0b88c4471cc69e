// One scanned file and its documents. Each document kind is parsed at most once, and only
// when a rule asks for it; a parse failure is kept and given to every rule that asks again.

import { parseDockerfile, type DockerfileModel } from './dockerfile.js';
import { parseHtml, type HtmlModel } from './html.js';
import { kubernetesObjects, type KubernetesObject } from './kubernetes.js';
import { LineIndex } from './line-index.js';
import { findKeywords, type KeywordSearch } from './keywords.js';
import { parseStructured, YamlSyntaxError, type StructuredDocument, type YamlParseLimits } from './yaml.js';

export class ParseError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export type ParsedKind = 'structured' | 'dockerfile' | 'html';

/** Receives the time spent parsing each kind, for --timings. */
export type ParseObserver = (kind: ParsedKind, milliseconds: number) => void;

export class SourceFile {
  private lineIndex?: LineIndex;
  private objects?: KubernetesObject[];
  private readonly parsed = new Map<ParsedKind, { value?: unknown; error?: ParseError }>();

  constructor(
    /** POSIX path relative to the target. */
    readonly path: string,
    readonly text: string,
    private readonly options: { yamlLimits?: YamlParseLimits; observe?: ParseObserver; keywords?: KeywordSearch } = {},
  ) {}

  private found?: Set<string>;

  /**
   * Whether the file contains this lower-case keyword. Every rule's keywords are looked for in
   * one pass over the file (the rule index's automaton), the first time a rule asks.
   */
  hasKeyword(keyword: string): boolean {
    const search = this.options.keywords;
    if (!search) return this.text.toLowerCase().includes(keyword);
    this.found ??= findKeywords(search, this.text);
    return this.found.has(keyword);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get isJson(): boolean {
    return /\.json$/i.test(this.path);
  }

  /** YAML or JSON documents (by file extension). */
  structured(): StructuredDocument[] {
    return this.parseOnce('structured', () => {
      try {
        return parseStructured(this.text, this.lines, { json: this.isJson, limits: this.options.yamlLimits });
      } catch (error) {
        if (error instanceof YamlSyntaxError) throw new ParseError(this.isJson ? 'json' : 'yaml', error.message, error.line);
        throw error;
      }
    });
  }

  /** Kubernetes objects; a file without both words `apiVersion` and `kind` holds none and is not parsed. */
  kubernetes(): KubernetesObject[] {
    if (this.objects) return this.objects;
    if (!this.text.includes('apiVersion') || !this.text.includes('kind')) return (this.objects = []);
    return (this.objects = kubernetesObjects(this.structured()));
  }

  dockerfile(): DockerfileModel {
    return this.parseOnce('dockerfile', () => parseDockerfile(this.text));
  }

  html(): HtmlModel {
    return this.parseOnce('html', () => parseHtml(this.text, { vueComponent: /\.vue$/i.test(this.path) }));
  }

  private parseOnce<T>(kind: ParsedKind, parse: () => T): T {
    let entry = this.parsed.get(kind);
    if (!entry) {
      const started = performance.now();
      try {
        entry = { value: parse() };
      } catch (error) {
        entry = { error: error instanceof ParseError ? error : new ParseError(kind, messageOf(error)) };
      }
      this.options.observe?.(kind, performance.now() - started);
      this.parsed.set(kind, entry);
    }
    if (entry.error) throw entry.error;
    return entry.value as T;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof RangeError) return 'document too deeply nested';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
