// Deterministic benchmark corpora: realistic mixes of source code, Kubernetes YAML,
// Dockerfiles, HTML, JSON, Markdown, lockfiles and a few large or binary files, with planted
// findings. The same seed always writes the same bytes; nothing large is committed.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CorpusSpec {
  name: string;
  files: number;
  seed: number;
}

export const CORPORA: CorpusSpec[] = [
  { name: 'small', files: 300, seed: 1 },
  { name: 'medium', files: 5_000, seed: 2 },
  { name: 'monorepo', files: 50_000, seed: 3 },
];

const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, good enough to shuffle a corpus reproducibly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'dossier usager demande statut prefecture service agent titre sejour rendez vous piece justificative courrier delai traitement instruction decision recours'.split(' ');

function sourceFile(rand: () => number, lines: number, plant: boolean): string {
  const out = ["import { query } from '../db/pool.js';", ''];
  for (let i = 0; i < lines; i++) {
    const a = WORDS[Math.floor(rand() * WORDS.length)];
    const b = WORDS[Math.floor(rand() * WORDS.length)];
    const n = Math.floor(rand() * 1000);
    out.push(
      i % 12 === 0
        ? `export async function ${a}${n}(${b}Id) {`
        : i % 12 === 11
          ? '}'
          : `  const ${a}_${i} = await query('SELECT ${b} FROM ${a} WHERE id = $1', [${b}Id + ${n}]);`,
    );
  }
  if (plant) out.push(`const API_TOKEN = 'ghp_${Array.from({ length: 36 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[Math.floor(rand() * 56)]).join('')}';`);
  return `${out.join('\n')}\n`;
}

function kubernetes(rand: () => number, name: string, plant: boolean): string {
  const docs: string[] = [];
  const count = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${i}
  labels: {app: ${name}, env: prod, tier: backend}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}, env: prod, tier: backend}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: app
          image: registry.example.gouv.fr/${name}:1.${i}.${Math.floor(rand() * 20)}
          ports: [{containerPort: 8080}]
          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 500m, memory: 256Mi}}
          readinessProbe: {httpGet: {path: /healthz, port: 8080}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
          securityContext: {allowPrivilegeEscalation: ${plant && i === 0 ? 'true' : 'false'}, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}${plant && i === 0 ? ', privileged: true' : ''}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}-${i}}
spec:
  type: ${plant && i === 0 ? 'NodePort' : 'ClusterIP'}
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]`);
  }
  return `${docs.join('\n---\n')}\n`;
}

function dockerfile(rand: () => number, plant: boolean): string {
  return plant
    ? 'FROM node:latest\nWORKDIR /app\nRUN curl -fsSL https://example.org/install.sh | sh\nCOPY . .\nCMD node server.js\n'
    : `FROM node:20.${Math.floor(rand() * 10)}-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nUSER node\nHEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1\nCMD ["node", "dist/server.js"]\n`;
}

function html(rand: () => number, plant: boolean): string {
  const items = Array.from({ length: 5 + Math.floor(rand() * 20) }, (_, i) => `    <li><a href="/dossiers/${i}">Dossier ${i}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Mes démarches</title></head>
<body>
  <main>
    <h1>Mes démarches</h1>
    <img src="/logo.svg" ${plant ? '' : 'alt="Logo de la préfecture"'}>
    <ul>
${items}
    </ul>
  </main>
</body>
</html>
`;
}

function markdown(rand: () => number, plant: boolean): string {
  const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 10) }, () => Array.from({ length: 40 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' '));
  if (plant) paragraphs.push('Contact : jean.dupont@gmail.com, NIR 1 85 05 78 006 084 91');
  return `# Documentation\n\n${paragraphs.join('\n\n')}\n`;
}

function json(rand: () => number): string {
  const entries = Array.from({ length: 5 + Math.floor(rand() * 50) }, (_, i) => `  "${WORDS[i % WORDS.length]}_${i}": ${Math.floor(rand() * 10_000)}`);
  return `{\n${entries.join(',\n')}\n}\n`;
}

function lockfile(rand: () => number, packages: number): string {
  const entries = Array.from({ length: packages }, (_, i) => {
    const name = `${WORDS[i % WORDS.length]}-${i}`;
    return `    "node_modules/${name}": {\n      "version": "1.${i % 30}.${Math.floor(rand() * 9)}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz",\n      "integrity": "sha512-${Buffer.from(String(rand())).toString('base64')}"\n    }`;
  });
  return `{\n  "name": "app",\n  "lockfileVersion": 3,\n  "packages": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** Writes the corpus unless the same version and seed are already there; returns its folder. */
export function generateCorpus(spec: CorpusSpec, root: string): string {
  const dir = join(root, spec.name);
  const marker = join(dir, '.corpus.json');
  const signature = JSON.stringify({ version: GENERATOR_VERSION, ...spec });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === signature) return dir;
  rmSync(dir, { recursive: true, force: true });
  const rand = random(spec.seed);
  const write = (path: string, content: string | Buffer) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  for (let i = 0; i < spec.files; i++) {
    const service = `services/svc-${i % Math.max(1, Math.floor(spec.files / 60))}`;
    const plant = rand() < 0.02;
    const roll = rand();
    if (roll < 0.45) write(`${service}/src/module-${i}.ts`, sourceFile(rand, 60 + Math.floor(rand() * 400), plant));
    else if (roll < 0.55) write(`${service}/deploy/k8s-${i}.yaml`, kubernetes(rand, `svc${i}`, plant));
    else if (roll < 0.57) write(`${service}/docker/${i}/Dockerfile`, dockerfile(rand, plant));
    else if (roll < 0.62) write(`${service}/public/page-${i}.html`, html(rand, plant));
    else if (roll < 0.7) write(`${service}/config/settings-${i}.json`, json(rand));
    else if (roll < 0.8) write(`${service}/docs/notes-${i}.md`, markdown(rand, plant));
    else if (roll < 0.81) write(`${service}/lock-${i}/package-lock.json`, lockfile(rand, 200 + Math.floor(rand() * 3000)));
    else if (roll < 0.812) write(`${service}/assets/archive-${i}.bin`, Buffer.alloc(200_000 + Math.floor(rand() * 800_000), i % 251));
    else if (roll < 0.8125) write(`${service}/data/export-${i}.csv`, 'id;nom;statut\n'.repeat(250_000));
    else write(`${service}/src/util-${i}.py`, sourceFile(rand, 40 + Math.floor(rand() * 200), plant).replace(/;$/gm, ''));
  }
  write('README.md', '# Corpus de mesure cadre\n');
  writeFileSync(marker, signature);
  return dir;
}
