// Shards: `--shard k/n` scans a stable share of the files, chosen by a hash of the path so
// that shares do not move when files are added. Repository rules run in shard 1 only.

import { createHash } from 'node:crypto';

export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) throw new Error(`--shard must be k/n with 1 ≤ k ≤ n (got "${text}")`);
  return { index, total };
}

export function shardOf(path: string, total: number): number {
  const digest = createHash('sha1').update(path).digest();
  return (digest.readUInt32BE(0) % total) + 1;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || shard.total === 1 || shardOf(path, shard.total) === shard.index;
}
