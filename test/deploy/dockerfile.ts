/** A small Dockerfile reader: enough to check stages, users and what each stage copies. */

export interface Instruction {
  keyword: string;
  /** `--from=build`, `--chown=…`, `--mount=…` and the like, by name. */
  flags: Record<string, string>;
  /** The instruction's words after its flags (JSON form unwrapped). */
  args: string[];
  /** The text after the keyword, continuation lines joined. */
  text: string;
}

export interface Stage {
  name: string;
  /** The base image with build arguments substituted from their defaults. */
  image: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
  all: Instruction[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logicalLines: string[] = [];
  let pending = '';
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (pending !== '' && line.startsWith('#')) continue; // comments inside a continued instruction
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logicalLines.push(pending + line);
    pending = '';
  }
  if (pending !== '') logicalLines.push(pending.trim());

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  const all: Instruction[] = [];
  for (const line of logicalLines) {
    const instruction = toInstruction(line);
    all.push(instruction);
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args;
      stages.push({
        name: as?.toUpperCase() === 'AS' ? name : String(stages.length),
        image: image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, arg: string) => globalArgs[arg] ?? ''),
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name, value = ''] = instruction.args[0].split(/=(.*)/s);
        globalArgs[name] = value;
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { globalArgs, stages, all };
}

function toInstruction(line: string): Instruction {
  const [, keyword, rest = ''] = /^(\S+)\s*(.*)$/s.exec(line) ?? [];
  const words = rest.trim().startsWith('[')
    ? (JSON.parse(rest) as string[])
    : rest.split(/\s+/).filter(Boolean);
  const flags: Record<string, string> = {};
  while (words.length > 0 && words[0].startsWith('--')) {
    const [flag, value = ''] = (words.shift() as string).slice(2).split(/=(.*)/s);
    flags[flag] = value;
  }
  return { keyword: keyword.toUpperCase(), flags, args: words, text: rest.trim() };
}

/** ENV and ARG instructions as name → value (both `K=V` and legacy `K V` forms). */
export function variablesSetBy(instructions: Instruction[], keyword: 'ENV' | 'ARG'): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const { keyword: k, text } of instructions) {
    if (k !== keyword) continue;
    if (!text.includes('=')) {
      const [name, ...value] = text.split(/\s+/);
      vars[name] = value.join(' ');
      continue;
    }
    for (const [, name, quoted, bare] of text.matchAll(
      /([A-Za-z_][A-Za-z0-9_]*)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g,
    )) {
      vars[name] = quoted ?? bare;
    }
  }
  return vars;
}
