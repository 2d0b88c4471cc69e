// The words cadre itself says (rules carry their own texts). French first, as the
// platform's users read it; English with --lang en.

import type { Lang, Severity } from '../model/types.js';

const fr = {
  severity: { critical: 'critique', high: 'élevée', medium: 'moyenne', low: 'faible', info: 'info' } as Record<Severity, string>,
  repositoryLevel: '(dépôt)',
  noFindings: 'Aucun constat.',
  summary: (findings: number, files: number, seconds: string) => `${findings} constat(s) sur ${files} fichier(s) analysé(s) en ${seconds} s`,
  skippedCount: (n: number) => `${n} fichier(s) ignoré(s)`,
  errorCount: (n: number) => `${n} erreur(s)`,
  gatePassed: (failOn: string) => `seuil « ${failOn} » respecté`,
  gateFailed: (n: number, failOn: string) => `ÉCHEC : ${n} constat(s) au niveau « ${failOn} » ou au-dessus`,
  skippedTitle: 'Fichiers ignorés',
  errorsTitle: 'Erreurs',
  remediation: 'Correction',
  usage: 'Usage',
  rulesLoaded: (n: number) => `${n} règle(s)`,
  rulesValid: (n: number) => `${n} règle(s) valide(s)`,
  rulesInvalid: (n: number) => `${n} problème(s) dans les règles`,
  written: (path: string) => `rapport écrit dans ${path}`,
  timingsTitle: 'Temps par phase (ms)',
  slowestRules: 'Règles les plus lentes',
  files: 'fichiers',
  verified: 'rapport vérifié : commit et seuil respectés',
  notVerified: 'rapport refusé :',
  skipReason: {
    binary: 'binaire',
    'too-large': 'trop volumineux',
    symlink: 'lien symbolique non suivi',
    unreadable: 'illisible',
    template: 'gabarit non rendu',
    'special-file': 'fichier spécial',
    'parse-limit': 'limite d’analyse atteinte',
  } as Record<string, string>,
};

const en: typeof fr = {
  severity: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  repositoryLevel: '(repository)',
  noFindings: 'No findings.',
  summary: (findings, files, seconds) => `${findings} finding(s) in ${files} scanned file(s) in ${seconds} s`,
  skippedCount: (n) => `${n} file(s) skipped`,
  errorCount: (n) => `${n} error(s)`,
  gatePassed: (failOn) => `threshold "${failOn}" met`,
  gateFailed: (n, failOn) => `FAILED: ${n} finding(s) at "${failOn}" or above`,
  skippedTitle: 'Skipped files',
  errorsTitle: 'Errors',
  remediation: 'Remediation',
  usage: 'Usage',
  rulesLoaded: (n) => `${n} rule(s)`,
  rulesValid: (n) => `${n} valid rule(s)`,
  rulesInvalid: (n) => `${n} problem(s) in the rules`,
  written: (path) => `report written to ${path}`,
  timingsTitle: 'Time per phase (ms)',
  slowestRules: 'Slowest rules',
  files: 'files',
  verified: 'report verified: commit and threshold met',
  notVerified: 'report rejected:',
  skipReason: {
    binary: 'binary',
    'too-large': 'too large',
    symlink: 'symbolic link not followed',
    unreadable: 'unreadable',
    template: 'unrendered template',
    'special-file': 'special file',
    'parse-limit': 'parse limit reached',
  },
};

export type Messages = typeof fr;

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : fr;
}
