// Sharding in the GitLab template: the jobs of a `parallel: N` job each scan their share of the
// files (CI_NODE_INDEX of CI_NODE_TOTAL) and keep it as cadre-shard-K.json; a merge job, which
// receives those files as artifacts, joins them into the report an unsharded job gives.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { verifyReport } from '../../gate/verify.js';
import type { Report } from '../../model/types.js';
import { oneLine } from '../../render/sanitize.js';
import { mergeReports, MergeError } from '../../report/merge.js';
import { parseShard, type Shard } from '../../run/shard.js';
import { CiInputError } from '../check.js';

export const SHARD_REPORT_PREFIX = 'cadre-shard-';

/** The share of this job of a `parallel:` job; 1/1 outside one. */
export function shardOfNode(env: Record<string, string | undefined>): Shard {
  const node = `${env.CI_NODE_INDEX || '1'}/${env.CI_NODE_TOTAL || '1'}`;
  try {
    return parseShard(node);
  } catch {
    throw new CiInputError(`CI_NODE_INDEX/CI_NODE_TOTAL must be K/N with 1 ≤ K ≤ N (got "${oneLine(node)}")`);
  }
}

export function shardReportPath(shard: Shard): string {
  return `${SHARD_REPORT_PREFIX}${shard.index}.json`;
}

export interface MergedShards {
  report: Report;
  /** The shard report files read, by name. */
  files: string[];
}

/** Reads every cadre-shard-*.json of the folder and merges them; any problem is a CiInputError. */
export function mergeShardReports(dir: string): MergedShards {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith(SHARD_REPORT_PREFIX) && name.endsWith('.json'))
    .sort();
  if (files.length === 0) {
    throw new CiInputError(`no shard report (${SHARD_REPORT_PREFIX}*.json) in ${dir}: the merge job needs the artifacts of the shard jobs (needs: [cadre])`);
  }
  const reports = files.map((name) => {
    const read = verifyReport({ reportPath: join(dir, name), failOn: 'none' });
    if (!read.report) throw new CiInputError(`${name}: ${read.reasons.join('; ')}`);
    return read.report;
  });
  try {
    return { report: mergeReports(reports), files };
  } catch (error) {
    if (error instanceof MergeError) throw new CiInputError(`cannot merge the shard reports: ${oneLine(error.message)}${missingShards(reports)}`);
    throw error;
  }
}

/** Names the shards absent from a set that agrees on their number, as the files their jobs write. */
function missingShards(reports: Report[]): string {
  const totals = new Set(reports.map((report) => report.shard?.total ?? 1));
  if (totals.size !== 1) return '';
  const [total] = totals;
  const present = new Set(reports.map((report) => report.shard?.index ?? 1));
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !present.has(index));
  if (missing.length === 0) return '';
  return ` (missing: ${missing.map((index) => shardReportPath({ index, total })).join(', ')})`;
}
