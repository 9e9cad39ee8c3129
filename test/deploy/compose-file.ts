import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Helpers that read deployment files the way Docker Compose does, without a Docker engine. */

export const REPO_ROOT = join(__dirname, '..', '..');

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(REPO_ROOT, relativePath), 'utf8');
}

export type Environment = Record<string, string>;

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { published?: string | number; host_ip?: string; target?: number })[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  network_mode?: string;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose.yml as YAML data, anchors and `<<` merge keys resolved, variables not yet substituted. */
export function loadComposeFile(relativePath = 'docker-compose.yml'): ComposeFile {
  return parse(readRepoFile(relativePath), { merge: true }) as ComposeFile;
}

/** A service's `environment`, list or map, as a map of strings. */
export function environmentOf(service: ComposeService): Environment {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line): [string, string] => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {}).map(([key, value]): [string, string] => [
        key,
        String(value ?? ''),
      ]);
  return Object.fromEntries(entries);
}

/** Reads a `.env` file as Compose does: `#` comments, optional `export`, quotes, `\n` in double quotes. */
export function parseDotenv(text: string): Environment {
  const env: Environment = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`not a KEY=VALUE line: ${rawLine}`);
    const [, key, raw] = match;
    if (raw.startsWith('"')) {
      const body = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
      if (!body) throw new Error(`unterminated double quote for ${key}`);
      env[key] = body[1].replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
    } else if (raw.startsWith("'")) {
      const body = /^'([^']*)'/.exec(raw);
      if (!body) throw new Error(`unterminated single quote for ${key}`);
      env[key] = body[1];
    } else {
      env[key] = raw.replace(/\s+#.*$/, '').trim();
    }
  }
  return env;
}

/** One `${…}` or `$NAME` reference in a value. `operator` is '', ':-', '-', ':?', '?', ':+' or '+'. */
export interface Reference {
  name: string;
  operator: string;
  argument: string;
}

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function referencesIn(value: string): Reference[] {
  return [...value.matchAll(REFERENCE)]
    .filter((m) => m[0] !== '$$')
    .map((m) => ({ name: m[1] ?? m[4], operator: m[2] ?? '', argument: m[3] ?? '' }));
}

/** Every string in a YAML tree, with the path that leads to it. */
export function stringsIn(node: unknown, path: string[] = []): { path: string[]; value: string }[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, i) => stringsIn(item, [...path, String(i)]));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => stringsIn(value, [...path, key]));
  }
  return [];
}

/** Substitutes variables in every string value, as Compose does; a missing `:?` variable throws. */
export function interpolate<T>(node: T, env: Environment): T {
  const substitute = (value: string): string =>
    value.replace(REFERENCE, (whole, braced?: string, operator = '', argument = '', bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare) as string;
      const value = env[name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (operator) {
        case ':-':
          return nonEmpty ? value : argument;
        case '-':
          return set ? value : argument;
        case ':?':
        case '?':
          if (operator === ':?' ? !nonEmpty : !set)
            throw new Error(`required variable ${name} is missing: ${argument}`);
          return value;
        case ':+':
          return nonEmpty ? argument : '';
        case '+':
          return set ? argument : '';
        default:
          return value ?? '';
      }
    });
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return substitute(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, walk(value)]));
    }
    return item;
  };
  return walk(node) as T;
}

/**
 * Whether Docker would leave `path` out of the build context under these `.dockerignore` lines:
 * the last matching pattern wins, `!` re-includes, and a pattern that matches a folder covers its contents.
 */
export function dockerIgnores(dockerignore: string, path: string): boolean {
  const patterns = dockerignore
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const parents = path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(`^${globToRegex(pattern)}$`);
    if (parents.some((candidate) => regex.test(candidate))) ignored = !negated;
  }
  return ignored;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
