// Words of the CI adapters (log lines, annotations, the header of summaries and comments), in the
// report's language. The findings themselves are worded by the engine and the renderers.

import type { Lang } from '../model/types.js';

export interface CiTexts {
  scopeChanged: (base: string, files: number, outside: number) => string;
  scopeFallback: (reason: string) => string;
  scopeNotReview: string;
  notAnnotated: (count: number, where: string) => string;
  forkDegraded: string;
  forbidden: (what: string, detail: string) => string;
  postFailed: (what: string, detail: string) => string;
  writeFailed: (path: string, detail: string) => string;
  noToken: (variable: string) => string;
  comment: string;
  note: string;
  summary: string;
  posted: (what: string, action: 'created' | 'updated') => string;
  written: (path: string) => string;
  passed: (failOn: string) => string;
  failed: (blocking: number, failOn: string) => string;
  fullRun: string;
  truncated: string;
  verified: string;
  notVerified: string;
  shardScanned: (index: number, total: number) => string;
  shardsMerged: (count: number) => string;
}

const fr: CiTexts = {
  scopeChanged: (base, files, outside) =>
    `Seules les lignes modifiées depuis ${base.slice(0, 12)} sont examinées (${files} fichier${files > 1 ? 's' : ''} modifié${files > 1 ? 's' : ''}) ; ` +
    `${outside} constat${outside > 1 ? 's' : ''} hors de la modification ${outside > 1 ? 'figurent' : 'figure'} dans le rapport complet.`,
  scopeFallback: (reason) => `only-changed demandé, mais les lignes modifiées n'ont pas pu être calculées (${reason}) : tout le rapport est pris en compte.`,
  scopeNotReview: 'only-changed ne s’applique qu’aux demandes de fusion : tout le rapport est pris en compte.',
  notAnnotated: (count, where) =>
    `${count} constat${count > 1 ? 's' : ''} non annoté${count > 1 ? 's' : ''} (GitHub n'affiche que 10 annotations par niveau et par étape) : voir le résumé du job et ${where}.`,
  forkDegraded:
    'Demande de fusion depuis un fork : le jeton du workflow est en lecture seule, aucun commentaire n’a été publié. Les constats sont dans les annotations et le résumé du job.',
  forbidden: (what, detail) => `Publication du ${what} refusée (${detail}) : le jeton n'a pas le droit d'écrire (permissions: pull-requests: write). Le verdict ne dépend que des constats.`,
  postFailed: (what, detail) => `Le ${what} n'a pas pu être publié (${detail}). Le verdict ne dépend que des constats.`,
  writeFailed: (path, detail) => `Impossible d'écrire ${path} (${detail}).`,
  noToken: (variable) => `Pas de note sur la demande de fusion : ${variable} n'est pas défini (le jeton CI_JOB_TOKEN ne peut pas écrire de notes).`,
  comment: 'commentaire',
  note: 'note',
  summary: 'résumé du job',
  posted: (what, action) => `${what[0].toUpperCase()}${what.slice(1)} ${action === 'created' ? 'publié' : 'mis à jour'}.`,
  written: (path) => `rapport écrit dans ${path}`,
  passed: (failOn) => `cadre : conforme (seuil ${failOn}).`,
  failed: (blocking, failOn) => `cadre : ${blocking} constat${blocking > 1 ? 's' : ''} de gravité ${failOn} ou supérieure.`,
  fullRun: 'Détails de l’exécution',
  truncated: 'Résumé tronqué : le rapport complet est dans les artefacts du job.',
  verified: 'cadre : rapport vérifié.',
  notVerified: 'cadre : rapport non vérifié',
  shardScanned: (index, total) => `cadre : part ${index} sur ${total} analysée ; le job de fusion réunit les parts, puis applique le seuil.`,
  shardsMerged: (count) => `cadre : ${count} rapport${count > 1 ? 's' : ''} de part${count > 1 ? 's' : ''} réuni${count > 1 ? 's' : ''}.`,
};

const en: CiTexts = {
  scopeChanged: (base, files, outside) =>
    `Only the lines changed since ${base.slice(0, 12)} are gated (${files} changed file${files === 1 ? '' : 's'}); ` +
    `${outside} finding${outside === 1 ? '' : 's'} outside the change ${outside === 1 ? 'is' : 'are'} in the full report.`,
  scopeFallback: (reason) => `only-changed was requested but the changed lines could not be computed (${reason}): the whole report is gated.`,
  scopeNotReview: 'only-changed applies to pull and merge requests only: the whole report is gated.',
  notAnnotated: (count, where) =>
    `${count} finding${count === 1 ? '' : 's'} not annotated (GitHub shows at most 10 annotations per level and step): see the job summary and ${where}.`,
  forkDegraded:
    'Pull request from a fork: the workflow token is read-only, so no comment was posted. The findings are in the annotations and the job summary.',
  forbidden: (what, detail) => `Posting the ${what} was refused (${detail}): the token may not write (permissions: pull-requests: write). The verdict depends on the findings alone.`,
  postFailed: (what, detail) => `The ${what} could not be posted (${detail}). The verdict depends on the findings alone.`,
  writeFailed: (path, detail) => `Could not write ${path} (${detail}).`,
  noToken: (variable) => `No merge request note: ${variable} is not set (CI_JOB_TOKEN cannot write notes).`,
  comment: 'comment',
  note: 'note',
  summary: 'job summary',
  posted: (what, action) => `${what[0].toUpperCase()}${what.slice(1)} ${action}.`,
  written: (path) => `report written to ${path}`,
  passed: (failOn) => `cadre: passed (threshold ${failOn}).`,
  failed: (blocking, failOn) => `cadre: ${blocking} finding${blocking === 1 ? '' : 's'} at or above ${failOn}.`,
  fullRun: 'Run details',
  truncated: 'Summary truncated: the full report is in the job artifacts.',
  verified: 'cadre: report verified.',
  notVerified: 'cadre: report not verified',
  shardScanned: (index, total) => `cadre: shard ${index} of ${total} scanned; the merge job joins the shards, then gates.`,
  shardsMerged: (count) => `cadre: ${count} shard report${count === 1 ? '' : 's'} merged.`,
};

export function ciTexts(lang: Lang): CiTexts {
  return lang === 'en' ? en : fr;
}
