// Dockerfiles as a structured document: stages, their base image, instructions and
// effective user, with ARG defaults resolved where they can be. A stage built on an earlier stage
// (`FROM build`) inherits its user, its base image and its instructions, as Docker builds it.
// Parsing is done by dockerfile-ast; this module only shapes its result for rules.

import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export interface ImageReference {
  /** The FROM argument as written. */
  raw: string;
  /** The reference with ARG defaults substituted. */
  image: string;
  /** False when a variable in the reference has no default: nothing can be said about it. */
  resolved: boolean;
  /** Registry host, or docker.io when none is named. */
  registry: string;
  /** Repository path without registry (library/ is added for official Docker Hub images). */
  repository: string;
  tag: string | null;
  digest: string | null;
  scratch: boolean;
  /** The reference names an earlier stage of the same Dockerfile. */
  stage: boolean;
}

export interface DockerInstruction {
  keyword: string;
  /** Arguments as one line, continuations joined. */
  arguments: string;
  args: string[];
  flags: Record<string, string | null>;
  /** ENV / ARG / LABEL pairs. */
  pairs?: { name: string; value: string | null }[];
  /** CMD, ENTRYPOINT, RUN and friends: JSON array form or shell form. */
  form?: 'exec' | 'shell';
  line: number;
  endLine: number;
  stageIndex: number;
  final: boolean;
}

export interface DockerStage {
  index: number;
  name: string | null;
  final: boolean;
  from: ImageReference;
  /** The earlier stage the FROM names; null when it names an image. */
  parent: number | null;
  /** The image at the root of the chain of stages this one builds on (its own FROM when it names an image). */
  base: ImageReference;
  /** The stage ends up in the final image: it is the final stage or one the final stage builds on. */
  shipped: boolean;
  /** USER in force at the end of the stage: its last USER, else that of the stage it builds on; null when none sets one. */
  user: string | null;
  userResolved: boolean;
  instructions: DockerInstruction[];
  /** Keywords of the instructions of the stages this one builds on (HEALTHCHECK, USER…). */
  inheritedKeywords: string[];
  line: number;
}

export interface DockerfileModel {
  stages: DockerStage[];
  /** ARG instructions before the first FROM. */
  globalArgs: DockerInstruction[];
}

const EXEC_FORM_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'HEALTHCHECK']);

export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map<string, string | null>();
  const stageNames = new Map<string, number>();
  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  let current: DockerStage | undefined;

  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const args0 = instruction.getArguments().map((a) => a.getValue());
      const flags = flagsOf(instruction);
      const raw = args0[0] ?? '';
      const name = args0.length >= 3 && args0[1].toUpperCase() === 'AS' ? args0[2] : null;
      const from = parseImageReference(raw, args, new Set(stageNames.keys()));
      const parent = from.stage ? stages[stageNames.get(from.image.toLowerCase())!] : undefined;
      current = {
        index: stages.length,
        name,
        final: false,
        from,
        parent: parent ? parent.index : null,
        base: parent ? parent.base : from,
        shipped: false,
        user: parent ? parent.user : null,
        userResolved: parent ? parent.userResolved : true,
        instructions: [],
        inheritedKeywords: parent ? [...new Set([...parent.inheritedKeywords, ...parent.instructions.map((i) => i.keyword)])] : [],
        line: instruction.getRange().start.line + 1,
      };
      stages.push(current);
      if (name) stageNames.set(name.toLowerCase(), current.index);
      current.instructions.push(shape(instruction, keyword, flags, current.index));
      continue;
    }
    const shaped = shape(instruction, keyword, flagsOf(instruction), current?.index ?? -1);
    if (keyword === 'ARG') {
      for (const pair of shaped.pairs ?? []) {
        if (pair.value !== null || !args.has(pair.name)) args.set(pair.name, pair.value);
      }
    }
    if (!current) {
      globalArgs.push(shaped);
      continue;
    }
    if (keyword === 'USER') {
      const resolved = substitute(shaped.args[0] ?? '', args);
      current.user = resolved.value;
      current.userResolved = resolved.resolved;
    }
    current.instructions.push(shaped);
  }
  const last = stages[stages.length - 1];
  if (last) {
    last.final = true;
    for (const instruction of last.instructions) instruction.final = true;
  }
  for (let shipped: DockerStage | undefined = last; shipped; shipped = shipped.parent === null ? undefined : stages[shipped.parent]) shipped.shipped = true;
  return { stages, globalArgs };
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const flags: Record<string, string | null> = {};
  const withFlags = instruction as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  for (const flag of withFlags.getFlags?.() ?? []) flags[flag.getName()] = flag.getValue();
  return flags;
}

function shape(instruction: Instruction, keyword: string, flags: Record<string, string | null>, stageIndex: number): DockerInstruction {
  const range = instruction.getRange();
  const content = (instruction.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim();
  const shaped: DockerInstruction = {
    keyword,
    arguments: content,
    args: instruction.getArguments().map((a) => a.getValue()),
    flags,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    stageIndex,
    final: false,
  };
  const withProperties = instruction as unknown as {
    getProperties?: () => { getName(): string; getValue(): string | null }[];
  };
  if ((keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL') && withProperties.getProperties) {
    shaped.pairs = withProperties.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() }));
  }
  if (EXEC_FORM_KEYWORDS.has(keyword)) {
    const afterFlags = content.replace(/^(--\S+\s+)*/, '');
    shaped.form = afterFlags.startsWith('[') ? 'exec' : 'shell';
  }
  return shaped;
}

/** Substitutes $VAR, ${VAR} and ${VAR:-default} from ARG defaults. */
function substitute(text: string, args: Map<string, string | null>): { value: string; resolved: boolean } {
  let resolved = true;
  const value = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, fallback, bare) => {
    const name = braced ?? bare;
    const known = args.get(name);
    if (known !== undefined && known !== null) return known;
    if (fallback !== undefined) return fallback;
    resolved = false;
    return '';
  });
  return { value, resolved };
}

export function parseImageReference(raw: string, args: Map<string, string | null>, stageNames: Set<string>): ImageReference {
  const { value: image, resolved } = substitute(raw, args);
  const reference: ImageReference = {
    raw,
    image,
    resolved,
    registry: 'docker.io',
    repository: '',
    tag: null,
    digest: null,
    scratch: image.toLowerCase() === 'scratch',
    stage: stageNames.has(image.toLowerCase()),
  };
  if (!resolved || reference.scratch || reference.stage) return reference;
  Object.assign(reference, splitImageName(image));
  return reference;
}

/** Splits registry/repository:tag@digest following the distribution reference grammar. */
export function splitImageName(image: string): Pick<ImageReference, 'registry' | 'repository' | 'tag' | 'digest'> {
  let rest = image;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, repository: rest, tag, digest };
}
