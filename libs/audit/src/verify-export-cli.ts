import { verifyExportFile } from './verify-export';

/**
 * `npm run audit:verify -- audit.jsonl [<head seq> <head hash>]`: exit 0 and the last entry when
 * the export is an intact chain, exit 1 and the seq where it breaks otherwise.
 */
async function main(): Promise<void> {
  const [path, headSeq, headHash] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: npm run audit:verify -- <export.jsonl> [<head seq> <head hash>]\n');
    process.exit(2);
  }
  const head = headSeq && headHash ? { seq: Number(headSeq), hash: headHash } : undefined;
  const verdict = await verifyExportFile(path, head);
  process.stdout.write(`${JSON.stringify(verdict)}\n`);
  process.exit(verdict.valid ? 0 : 1);
}

void main();
