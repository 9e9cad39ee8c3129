import Fastify, { type FastifyInstance } from 'fastify';
import { MongoClient } from 'mongodb';
import { testInfra } from '@lers/testing';

/**
 * The floor for an authenticated read: a bare Fastify handler that reads one document by `_id`
 * with the native driver from the same store and returns it. No auth, no Kafka, no Nest.
 */
export async function startRawReadServer(
  routes: Record<string, { database: string; collection: string }>,
): Promise<{ url: string; close(): Promise<void> }> {
  const client = await MongoClient.connect(testInfra.mongoUrl);
  const app: FastifyInstance = Fastify({ logger: false });
  for (const [prefix, { database, collection }] of Object.entries(routes)) {
    const documents = client.db(database).collection(collection);
    app.get<{ Params: { id: string } }>(`${prefix}/:id`, async (request, reply) => {
      const found = await documents.findOne({ _id: request.params.id as never });
      return found ?? reply.code(404).send({ code: 'not_found' });
    });
  }
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await client.close();
    },
  };
}
