import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EVENT_TOPICS } from '@lers/contracts';
import { readRepoFile, REPO_ROOT } from './compose-file';
import { OVERLAYS_DIR, overlayNames, render } from './k8s-manifests';

/**
 * The documentation stands alone: README.md and docs/ link only to files in this repository that
 * exist, and tell an operator about every Secret the manifests reference.
 */

const documents = ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).map((file) => `docs/${file}`)].filter(
  (file) => file.endsWith('.md'),
);

/** Markdown link targets `[text](target)` that are not web addresses or in-page anchors. */
function localLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^(https?:|mailto:|#)/.test(target))
    .map((target) => target.split('#')[0]);
}

describe('README.md and docs/', () => {
  it.each(documents)('%s links only to files inside the repository that exist', (file) => {
    const text = readRepoFile(file);
    const outside: string[] = [];
    const missing: string[] = [];
    for (const target of localLinks(text)) {
      const path = resolve(REPO_ROOT, dirname(file), target);
      if (relative(REPO_ROOT, path).startsWith('..')) outside.push(target);
      else if (!existsSync(path)) missing.push(target);
    }
    // A path mentioned in prose outside the repository (the team's shared notes) is no help to a reader.
    const mentionsOutside = text.match(/(^|[\s(`'"])\.\.\/[\w./-]+/gm) ?? [];
    expect({ file, outside, missing, mentionsOutside }).toEqual({
      file,
      outside: [],
      missing: [],
      mentionsOutside: [],
    });
  });

  it('README.md links to each document in docs/', () => {
    const linked = localLinks(readRepoFile('README.md'));
    expect(documents.filter((file) => file.startsWith('docs/') && !linked.includes(file))).toEqual([]);
  });

  it('docs/operations.md names every Secret the Kubernetes overlays reference, and every event topic', () => {
    const operations = readRepoFile('docs/operations.md');
    const secrets = new Set<string>();
    for (const overlay of overlayNames()) {
      const text = JSON.stringify(render(join(OVERLAYS_DIR, overlay)));
      for (const match of text.matchAll(/"secretKeyRef":\{[^}]*"name":"([^"]+)"/g)) secrets.add(match[1]);
      for (const match of text.matchAll(/"secretName":"([^"]+)"/g)) secrets.add(match[1]);
    }
    expect(secrets.size).toBeGreaterThan(3);
    const documented = (name: string) =>
      operations.includes(`\`${name}\``) ||
      operations.includes(`\`${name.replace(/-[a-z]+$/, '-<service>')}\``);
    expect([...secrets].filter((name) => !documented(name))).toEqual([]);
    const architecture = readRepoFile('docs/architecture.md');
    expect(Object.values(EVENT_TOPICS).filter((topic) => !architecture.includes(topic))).toEqual([]);
  });
});
