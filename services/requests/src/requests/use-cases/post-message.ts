import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { MessageView, Page, PageQuery } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import type { OfficerScope, StaffScope } from '@lers/persistence';
import { decodeCursor, encodeCursor } from '@lers/persistence';
import { answer } from '../domain/information-request';
import { checkMessageMayBePosted } from '../domain/request-attachments';
import { changesFrom, messageView, toDomain } from '../request-mapping';
import { RequestEvents } from '../request-events';
import { InformationRequests } from '../storage/information-requests.repository';
import type { InformationRequestDocument, StoredMessage } from '../storage/information-request.schema';

export type MessageAuthor = { kind: 'officer'; scope: OfficerScope } | { kind: 'staff'; scope: StaffScope };

/**
 * The thread between the requesting officer and the exchange's staff. The officer's message while
 * the staff wait for more information is the answer: the request goes back into review.
 */
@Injectable()
export class PostMessageUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  execute(author: MessageAuthor, requestId: string, body: string, id: string): Promise<MessageView> {
    return this.requests.change(
      'request.message.post',
      () => load(this.requests, author, requestId),
      (stored) => {
        const existing = stored.messages.find((message) => message.id === id);
        if (existing) return { changes: {}, events: [], result: () => messageView(existing) };
        applyRule(() => checkMessageMayBePosted(stored.status, stored.messages.length));
        const now = this.clock.now();
        const authorId = author.kind === 'officer' ? author.scope.officerId : author.scope.staffId;
        const message: StoredMessage = { id, author: { kind: author.kind, id: authorId }, body, at: now };
        const answering = author.kind === 'officer' && stored.status === 'info_requested';
        const next = answering
          ? applyRule(() => answer(toDomain(stored), { kind: 'officer', id: authorId }, now))
          : null;
        return {
          changes: { ...(next ? changesFrom(next, stored) : {}), messages: [...stored.messages, message] },
          events: next ? this.events.moved(stored, stored.status, next.status, now) : [],
          result: () => messageView(message),
        };
      },
    );
  }

  /** Oldest first, as a thread reads. */
  async page(reader: MessageAuthor, requestId: string, query: PageQuery): Promise<Page<MessageView>> {
    const stored = await load(this.requests, reader, requestId);
    const after = decodeCursor(query.cursor);
    const start = after ? stored.messages.findIndex((message) => message.id === after.id) + 1 : 0;
    const items = stored.messages.slice(start, start + query.limit);
    const last = items.at(-1);
    const more = start + query.limit < stored.messages.length;
    return {
      items: items.map(messageView),
      nextCursor: more && last ? encodeCursor({ at: new Date(last.at).getTime(), id: last.id }) : null,
    };
  }
}

function load(
  requests: InformationRequests,
  author: MessageAuthor,
  requestId: string,
): Promise<InformationRequestDocument> {
  return author.kind === 'officer'
    ? requests.ofOfficer(author.scope, requestId)
    : requests.forStaff(author.scope, requestId);
}
