// One comment per pull/merge request, created on the first run and edited on the next ones,
// found by a hidden marker in its body (not by author: the token may belong to a bot, a user or
// an app). Shared by the GitHub and GitLab adapters; each supplies the three API calls.

export interface StickyApi<Id> {
  /** Existing comments, oldest first, every page (stop early is allowed once `found` returns true). */
  find(match: (body: string) => boolean): Promise<Id | undefined>;
  create(body: string): Promise<Id>;
  update(id: Id, body: string): Promise<Id>;
}

export interface StickyResult<Id> {
  action: 'created' | 'updated';
  id: Id;
}

export async function upsertSticky<Id>(api: StickyApi<Id>, marker: string, body: string): Promise<StickyResult<Id>> {
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  const existing = await api.find((candidate) => typeof candidate === 'string' && candidate.includes(marker));
  if (existing !== undefined) return { action: 'updated', id: await api.update(existing, text) };
  return { action: 'created', id: await api.create(text) };
}

/** What went wrong while publishing, without anything that could hold a credential. */
export interface PublishFailure {
  status?: number;
  detail: string;
}

/**
 * Status and a short description of an API error. Never the error object itself: clients put
 * the request (and its authentication header) in their errors. Every secret given is masked in
 * the description too, in case a server or proxy echoes it back.
 */
export function describeFailure(error: unknown, secrets: (string | undefined)[]): PublishFailure {
  const e = error as { status?: unknown; response?: { status?: unknown; data?: { message?: unknown } }; message?: unknown; name?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.response?.status === 'number' ? e.response.status : undefined;
  let detail = typeof e?.response?.data?.message === 'string' ? e.response.data.message : typeof e?.message === 'string' ? e.message : String(error);
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') detail = 'timed out';
  return { ...(status !== undefined ? { status } : {}), detail: mask(detail, secrets).replace(/\s+/g, ' ').trim().slice(0, 300) };
}

export function mask(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

export function formatFailure(failure: PublishFailure): string {
  return failure.status !== undefined ? `HTTP ${failure.status}: ${failure.detail}` : failure.detail;
}
