import mongoose, { type Connection } from 'mongoose';
import { testInfra } from './infra/test-infra';

/** Direct access to a service's database, to assert what was really stored. */
export async function openTestDatabase(database: string): Promise<Connection> {
  return mongoose.createConnection(testInfra.mongoUrl, { dbName: database }).asPromise();
}
