import Fastify from 'fastify';
import { MongoClient } from 'mongodb';

/** URL prefix → where its documents are: `GET <prefix>/:id` answers the document with that `_id`. */
export type RawReadRoutes = Record<string, { database: string; collection: string }>;

/**
 * The floor for an authenticated read: a bare Fastify handler that reads one document by `_id`
 * with the native driver from the same store and returns it. No auth, no Kafka, no Nest.
 * `/health/ready` pings the store, so a launcher can wait for it like for a service.
 */
export async function serveRawReads(mongoUrl: string, routes: RawReadRoutes, port = 0) {
  const client = await MongoClient.connect(mongoUrl);
  const app = Fastify({ logger: false });
  for (const [prefix, { database, collection }] of Object.entries(routes)) {
    const documents = client.db(database).collection(collection);
    app.get<{ Params: { id: string } }>(`${prefix}/:id`, async (request, reply) => {
      const found = await documents.findOne({ _id: request.params.id as never });
      return found ?? reply.code(404).send({ code: 'not_found' });
    });
  }
  app.get('/health/ready', async () => {
    await client.db('admin').command({ ping: 1 });
    return { status: 'ok' };
  });
  const url = await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    async close() {
      await app.close();
      await client.close();
    },
  };
}

// Run as a process of its own (see raw-read-process.ts): MONGO_URL, RAW_READ_ROUTES (JSON), HTTP_PORT.
if (require.main === module) {
  const { MONGO_URL, RAW_READ_ROUTES, HTTP_PORT } = process.env;
  serveRawReads(String(MONGO_URL), JSON.parse(String(RAW_READ_ROUTES)) as RawReadRoutes, Number(HTTP_PORT))
    .then((server) => process.once('SIGTERM', () => void server.close().then(() => process.exit(0))))
    .catch((error: unknown) => {
      process.stderr.write(`raw read server failed to start: ${String(error)}\n`);
      process.exit(1);
    });
}
