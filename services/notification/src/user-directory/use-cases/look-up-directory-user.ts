import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lers/audit';
import { EmbeddedUserDirectory } from '../embedded/embedded-user-directory';

/** The users an identifier matches, compared in its canonical form; every look-up is audited. */
@Injectable()
export class LookUpDirectoryUserUseCase {
  constructor(
    private readonly directory: EmbeddedUserDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async execute(query: { type: string; value: string; chain?: string }) {
    const items = await this.directory.lookup(query);
    await this.audit.record(
      'user_directory.lookup',
      { type: 'user_directory', id: query.type },
      {
        details: { type: query.type, value: query.value, chain: query.chain ?? null, matches: items.length },
      },
    );
    return { items };
  }
}
