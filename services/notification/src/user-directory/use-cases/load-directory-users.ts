import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { Problem } from '@lers/contracts';
import { EmbeddedUserDirectory, type DirectoryEntry } from '../embedded/embedded-user-directory';

/** Loads users into the embedded directory, each replacing the previous record of that userId. */
@Injectable()
export class LoadDirectoryUsersUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly directory: EmbeddedUserDirectory,
  ) {}

  async execute(users: DirectoryEntry[]): Promise<{ upserted: number }> {
    const seen = new Set<string>();
    const repeated = users.findIndex(({ userId }) => seen.size === seen.add(userId).size);
    if (repeated >= 0) {
      throw Problem.validation([{ field: `users.${repeated}.userId`, message: 'appears more than once' }]);
    }
    await this.directory.upsert(users, this.clock.now());
    return { upserted: users.length };
  }
}
