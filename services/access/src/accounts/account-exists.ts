import { Problem } from '@lers/contracts';

/** One account per e-mail address (a unique index on `accounts.email`). */
export const accountExists = () =>
  new Problem(409, 'account_exists', 'An account with this e-mail already exists.');
