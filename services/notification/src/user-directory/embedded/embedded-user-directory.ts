import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { RequestSubject } from '@lers/subjects';
import { identifierKey, lookupKeys } from '../domain/identifier-keys';
import type { DirectoryUser, UserDirectory } from '../user-directory.port';
import {
  DIRECTORY_USER_MODEL,
  type DirectoryUserDocument,
  type StoredIdentifier,
} from './directory-user.schema';

export interface DirectoryEntry {
  userId: string;
  email: string;
  identifiers: StoredIdentifier[];
}

/** The user directory kept in the notification service's own database. */
@Injectable()
export class EmbeddedUserDirectory implements UserDirectory {
  constructor(@InjectModel(DIRECTORY_USER_MODEL) private readonly users: Model<DirectoryUserDocument>) {}

  async find(subject: RequestSubject): Promise<DirectoryUser[]> {
    const key = identifierKey(subject);
    return key ? (await this.byKeys([key])).map(({ userId, email }) => ({ userId, email })) : [];
  }

  async lookup(query: { type: string; value: string; chain?: string }): Promise<DirectoryEntry[]> {
    return this.byKeys(lookupKeys(query));
  }

  /** Replaces each user's record whole (upsert by userId): identifiers dropped upstream are dropped here. */
  async upsert(entries: DirectoryEntry[], now: Date): Promise<void> {
    await this.users.bulkWrite(
      entries.map((entry) => ({
        replaceOne: {
          filter: { _id: entry.userId },
          replacement: {
            _id: entry.userId,
            email: entry.email,
            identifiers: entry.identifiers.map(({ type, value, chain }) => ({
              type,
              value,
              ...(chain ? { chain } : {}),
            })),
            keys: [...new Set(entry.identifiers.map(identifierKey).filter((key): key is string => !!key))],
            updatedAt: now,
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  private async byKeys(keys: string[]): Promise<DirectoryEntry[]> {
    if (keys.length === 0) return [];
    // One query per key: FerretDB pushes a plain equality on an array field down; `$in` it may not.
    const found = await Promise.all(keys.map((key) => this.users.find({ keys: key }).limit(10).lean()));
    const byId = new Map(found.flat().map((user) => [user._id, user]));
    return [...byId.values()]
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((user) => ({ userId: user._id, email: user.email, identifiers: user.identifiers }));
  }
}
