import { Injectable } from '@nestjs/common';
import { EmbeddedUserDirectory } from '../embedded/embedded-user-directory';

/** The users an identifier matches, compared in its canonical form. */
@Injectable()
export class LookUpDirectoryUserUseCase {
  constructor(private readonly directory: EmbeddedUserDirectory) {}

  async execute(query: { type: string; value: string; chain?: string }) {
    return { items: await this.directory.lookup(query) };
  }
}
