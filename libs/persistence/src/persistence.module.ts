import { type DynamicModule, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { ReadinessCheck } from '@lers/observability';

export interface PersistenceOptions {
  url: string;
  /** `lers_<service>`: no service reads another's database. */
  database: string;
  maxPoolSize: number;
  /** How long a write waits for a majority to acknowledge it before failing (default 10 s). */
  writeTimeoutMs?: number;
}

export const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

/** Indexes are declared on schemas (they are what MongoDB uses in production) and ensured at start. */
@Injectable()
export class IndexKeeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(IndexKeeper.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const model of Object.values(this.connection.models)) {
      await model.createIndexes();
    }
    this.logger.log(`indexes ensured for ${Object.keys(this.connection.models).length} collections`);
  }
}

@Injectable()
export class MongoReadiness implements ReadinessCheck {
  readonly name = 'mongodb';

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async check(): Promise<void> {
    const db = this.connection.db;
    if (!db) throw new Error('not connected');
    await db.admin().command({ ping: 1 });
  }
}

@Module({})
export class PersistenceModule {
  static forService(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        MongooseModule.forRoot(options.url, {
          dbName: options.database,
          // Acknowledged by a majority and journaled: an accepted change survives a crash. Without
          // a majority (members down or partitioned) the write fails after wtimeoutMS instead of
          // hanging the request; it may still have been applied on the primary, which is why
          // every write is a conditional, retry-safe single-document write.
          writeConcern: {
            w: 'majority',
            j: true,
            wtimeoutMS: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
          },
          serverSelectionTimeoutMS: 5000,
          maxPoolSize: options.maxPoolSize,
          heartbeatFrequencyMS: 2000,
          autoIndex: false,
          autoCreate: true,
        }),
      ],
      providers: [IndexKeeper, MongoReadiness],
      exports: [MongoReadiness],
    };
  }
}
