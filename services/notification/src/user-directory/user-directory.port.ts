import type { RequestSubject } from '@lers/subjects';

export interface DirectoryUser {
  userId: string;
  email: string;
}

/**
 * Where the notice side learns which exchange user a subject of a request is. The embedded
 * adapter keeps a copy loaded over `POST /internal/user-directory`; an exchange may bind its own
 * user service here instead (`{ provide: USER_DIRECTORY, useClass: … }` in user-directory.module.ts).
 * `find` returns every user the subject matches (none, one, or — a data problem staff must
 * resolve — several); it throws only when the directory cannot be asked (the event is retried).
 */
export interface UserDirectory {
  find(subject: RequestSubject): Promise<DirectoryUser[]>;
}

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');
