// The sticky merge request note, through @gitbeaker/rest's MergeRequestNotes (routes, pages).
// The transport under it is cadre's own requester, for two reasons found in gitbeaker 43.8:
// - its default requester retries 429 and 502 ten times with exponential back-off (about four
//   minutes): here a few short retries, then the failure is reported and the job goes on;
// - its errors carry the request, private-token header included: here an error holds the HTTP
//   status and the server's description only, with the token masked should the server echo it.

import { MergeRequestNotes } from '@gitbeaker/rest';
import { mask, upsertSticky, type StickyResult } from '../sticky-note.js';

type ResourceConfig = NonNullable<ConstructorParameters<typeof MergeRequestNotes>[0]>;
type RequesterFn = NonNullable<ResourceConfig['requesterFn']>;
type ServiceOptions = Parameters<RequesterFn>[0];
type Requester = ReturnType<RequesterFn>;

export class GitlabApiError extends Error {
  constructor(
    readonly status: number | undefined,
    description: string,
  ) {
    super(description);
    this.name = 'GitlabApiError';
  }
}

export interface TransportOptions {
  /** Attempts for 429, 502, 503 and 504 (default 3). */
  attempts?: number;
  /** Milliseconds before the first retry, doubled each time (default 1000); Retry-After wins, up to 10 s. */
  backoffMs?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Values never to be shown, whatever the server answers. */
  secrets?: string[];
}

const RETRY = new Set([429, 502, 503, 504]);

function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function snakeKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), v]));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function boundedRequester(options: TransportOptions = {}): RequesterFn {
  const attempts = options.attempts ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const timeout = options.timeoutMs ?? 30_000;
  const secrets = options.secrets ?? [];
  return ((service: ServiceOptions): Requester => {
    const call =
      (method: string) =>
      async (endpoint: string, request: { body?: unknown; searchParams?: Record<string, unknown>; sudo?: string | number; signal?: AbortSignal } = {}) => {
        const headers: Record<string, string> = { ...service.headers };
        for (const [name, value] of Object.entries(service.authHeaders)) headers[name] = await value();
        if (request.sudo !== undefined) headers.sudo = String(request.sudo);
        let body: string | undefined;
        if (request.body && typeof request.body === 'object' && Object.keys(request.body).length > 0) {
          body = JSON.stringify(snakeKeys(request.body as Record<string, unknown>));
          headers['content-type'] = 'application/json';
        }
        const url = new URL(endpoint, service.url.endsWith('/') ? service.url : `${service.url}/`);
        for (const [key, value] of Object.entries(request.searchParams ?? {})) {
          if (value !== undefined && value !== null) url.searchParams.set(snake(key), String(value));
        }
        let lastStatus: number | undefined;
        for (let attempt = 0; attempt < attempts; attempt++) {
          let response: Response;
          try {
            response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeout), redirect: 'error' });
          } catch (error) {
            const name = (error as Error).name;
            throw new GitlabApiError(undefined, name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : `network error (${mask(String((error as Error).message), secrets)})`);
          }
          if (response.ok) {
            const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
            const parsed = response.status === 204 ? null : type === 'application/json' ? ((await response.json()) ?? {}) : await response.text();
            return { body: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
          }
          lastStatus = response.status;
          const description = await describe(response, secrets);
          if (!RETRY.has(response.status) || attempt === attempts - 1) throw new GitlabApiError(response.status, description);
          const retryAfter = Number(response.headers.get('retry-after'));
          await delay(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 10_000) : backoff * 2 ** attempt);
        }
        throw new GitlabApiError(lastStatus, 'no response');
      };
    return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') } as unknown as Requester;
  }) as RequesterFn;
}

async function describe(response: Response, secrets: string[]): Promise<string> {
  let text = '';
  try {
    text = await response.text();
    const json = JSON.parse(text) as { message?: unknown; error?: unknown };
    const value = json.message ?? json.error;
    if (value !== undefined) text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    // not JSON: the text itself
  }
  return mask(text || response.statusText, secrets).replace(/\s+/g, ' ').trim().slice(0, 300);
}

export interface NoteTarget {
  /** CI_SERVER_URL: gitbeaker appends /api/v4 itself. */
  host: string;
  token: string;
  projectId: string | number;
  mergeRequestIid: number;
}

/** Finds the note holding the marker (every page) and edits it, or creates one. */
export async function upsertMergeRequestNote(target: NoteTarget, marker: string, body: string, transport: TransportOptions = {}): Promise<StickyResult<number>> {
  const notes = new MergeRequestNotes({
    host: target.host.replace(/\/+$/, ''),
    token: target.token,
    requesterFn: boundedRequester({ ...transport, secrets: [target.token, ...(transport.secrets ?? [])] }),
    queryTimeout: null,
  });
  const { projectId, mergeRequestIid: iid } = target;
  return upsertSticky<number>(
    {
      async find(match) {
        const all = (await notes.all(projectId, iid, { sort: 'asc', orderBy: 'created_at', perPage: 100 })) as unknown as { id: number; body?: string; system?: boolean }[];
        return all.find((note) => !note.system && match(note.body ?? ''))?.id;
      },
      async create(text) {
        return ((await notes.create(projectId, iid, text)) as unknown as { id: number }).id;
      },
      async update(id, text) {
        return ((await notes.edit(projectId, iid, id, { body: text })) as unknown as { id: number }).id;
      },
    },
    marker,
    body,
  );
}
