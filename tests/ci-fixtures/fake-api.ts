// A local HTTP server standing in for the GitHub and GitLab APIs (127.0.0.1, random port). It
// records every request (method, path, query, auth header, body), serves comments and notes with
// real pagination (Link rel="next"), and can be told to refuse writes (403, as for a fork pull
// request's read-only token) or to fail (5xx).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  auth?: string;
  body?: unknown;
}

export interface Comment {
  id: number;
  body: string;
  system?: boolean;
}

export type Failure = { status: number; message: string } | undefined;

abstract class FakeApi {
  readonly requests: RecordedRequest[] = [];
  url = '';
  /** Answer every write (POST, PATCH, PUT) with this. */
  failWrites: Failure;
  /** Answer every request with this. */
  failAll: Failure;
  protected server?: Server;
  protected nextId = 1000;

  constructor(
    readonly token: string,
    readonly perPageDefault: number,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.receive(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      auth: this.authOf(req),
      body: text ? safeJson(text) : undefined,
    };
    this.requests.push(request);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.failAll) return send(this.failAll.status, { message: this.failAll.message });
    if (request.auth !== this.expectedAuth()) return send(401, { message: 'Bad credentials' });
    if (request.method !== 'GET' && this.failWrites) return send(this.failWrites.status, { message: this.failWrites.message });
    this.route(request, send);
  }

  /** One page of `items` with the Link header both APIs use. */
  protected page(request: RecordedRequest, items: Comment[], send: (s: number, b: unknown, h?: Record<string, string>) => void): void {
    const perPage = Number(request.query.per_page ?? this.perPageDefault);
    const page = Number(request.query.page ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(`${this.url}${request.path}`);
      for (const [k, v] of Object.entries(request.query)) next.searchParams.set(k, v);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      headers.link = `<${next.toString()}>; rel="next"`;
      headers['x-next-page'] = String(page + 1);
    }
    headers['x-page'] = String(page);
    headers['x-per-page'] = String(perPage);
    headers['x-total'] = String(items.length);
    send(200, slice, headers);
  }

  protected abstract authOf(req: IncomingMessage): string | undefined;
  protected abstract expectedAuth(): string;
  protected abstract route(request: RecordedRequest, send: (s: number, b: unknown, h?: Record<string, string>) => void): void;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GitHub REST: issue comments of owner/repo. */
export class FakeGitHub extends FakeApi {
  readonly comments = new Map<number, Comment[]>();

  constructor(
    token: string,
    readonly owner: string,
    readonly repo: string,
  ) {
    super(token, 30);
  }

  seed(issue: number, count: number): void {
    const list = this.comments.get(issue) ?? [];
    for (let i = 0; i < count; i++) list.push({ id: this.nextId++, body: `unrelated comment ${i}` });
    this.comments.set(issue, list);
  }

  protected authOf(req: IncomingMessage): string | undefined {
    return req.headers.authorization;
  }

  protected expectedAuth(): string {
    return `token ${this.token}`;
  }

  protected route(request: RecordedRequest, send: (s: number, b: unknown, h?: Record<string, string>) => void): void {
    const base = `/repos/${this.owner}/${this.repo}`;
    const list = request.path.match(new RegExp(`^${base}/issues/(\\d+)/comments$`));
    if (list) {
      const issue = Number(list[1]);
      const comments = this.comments.get(issue) ?? [];
      if (request.method === 'GET') return this.page(request, comments, send);
      if (request.method === 'POST') {
        const comment = { id: this.nextId++, body: String((request.body as { body?: string }).body) };
        comments.push(comment);
        this.comments.set(issue, comments);
        return send(201, { id: comment.id, body: comment.body });
      }
    }
    const one = request.path.match(new RegExp(`^${base}/issues/comments/(\\d+)$`));
    if (one && request.method === 'PATCH') {
      const id = Number(one[1]);
      for (const comments of this.comments.values()) {
        const comment = comments.find((c) => c.id === id);
        if (comment) {
          comment.body = String((request.body as { body?: string }).body);
          return send(200, { id, body: comment.body });
        }
      }
    }
    send(404, { message: 'Not Found' });
  }
}

/** GitLab REST v4: merge request notes. */
export class FakeGitLab extends FakeApi {
  readonly notes = new Map<string, Comment[]>();

  constructor(token: string) {
    super(token, 20);
  }

  seed(project: string, iid: number, count: number): void {
    const key = `${project}!${iid}`;
    const list = this.notes.get(key) ?? [];
    for (let i = 0; i < count; i++) list.push({ id: this.nextId++, body: i % 5 === 0 ? 'added 1 commit' : `unrelated note ${i}`, system: i % 5 === 0 });
    this.notes.set(key, list);
  }

  notesOf(project: string, iid: number): Comment[] {
    return this.notes.get(`${project}!${iid}`) ?? [];
  }

  protected authOf(req: IncomingMessage): string | undefined {
    const value = req.headers['private-token'];
    return Array.isArray(value) ? value[0] : value;
  }

  protected expectedAuth(): string {
    return this.token;
  }

  protected route(request: RecordedRequest, send: (s: number, b: unknown, h?: Record<string, string>) => void): void {
    const m = request.path.match(/^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/);
    if (!m) return send(404, { message: '404 Not Found' });
    const key = `${decodeURIComponent(m[1])}!${m[2]}`;
    const notes = this.notes.get(key) ?? [];
    this.notes.set(key, notes);
    if (!m[3] && request.method === 'GET') return this.page(request, notes, send);
    if (!m[3] && request.method === 'POST') {
      const note = { id: this.nextId++, body: String((request.body as { body?: string }).body) };
      notes.push(note);
      return send(201, { id: note.id, body: note.body, system: false });
    }
    if (m[3] && request.method === 'PUT') {
      const note = notes.find((n) => n.id === Number(m[3]));
      if (!note) return send(404, { message: '404 Note Not Found' });
      note.body = String((request.body as { body?: string }).body);
      return send(200, { id: note.id, body: note.body, system: false });
    }
    send(404, { message: '404 Not Found' });
  }
}
