import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { testInfra } from '@lers/testing';
import { startChildServer, type ChildServer } from '../support/service-processes';
import type { RawReadRoutes } from './raw-read-server';

/**
 * The raw read server in a Node process of its own, like the gateway it is compared with.
 * raw-read-server.ts imports only fastify and mongodb, so compiling that one file is enough.
 */
export function startRawReadProcess(routes: RawReadRoutes, runDir: string): Promise<ChildServer> {
  const source = resolve(__dirname, 'raw-read-server.ts');
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: source,
  });
  mkdirSync(runDir, { recursive: true });
  // Under bench/results, so `fastify` and `mongodb` resolve from the repository's node_modules.
  const script = resolve(runDir, 'raw-read-server.js');
  writeFileSync(script, outputText);
  return startChildServer({
    name: 'raw-read-server',
    script,
    env: { MONGO_URL: testInfra.mongoUrl, RAW_READ_ROUTES: JSON.stringify(routes) },
    logDir: runDir,
  });
}
