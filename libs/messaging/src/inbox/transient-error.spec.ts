import { isTransient } from './transient-error';

const named = (name: string, extra: object = {}) => Object.assign(new Error('x'), { name }, extra);

describe('isTransient', () => {
  it.each([
    ['MongoNetworkError'],
    ['MongoServerSelectionError'],
    ['MongoNotConnectedError'],
    ['KafkaJSConnectionError'],
    ['KafkaJSNumberOfRetriesExceeded'],
  ])('treats %s as transient', (name) => expect(isTransient(named(name))).toBe(true));

  it('treats refused and reset connections as transient', () => {
    expect(isTransient(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('treats retryable write errors as transient', () => {
    expect(
      isTransient(Object.assign(new Error('x'), { errorLabels: new Set(['RetryableWriteError']) })),
    ).toBe(true);
  });

  it('treats programming and data errors as permanent', () => {
    expect(isTransient(new TypeError('undefined is not a function'))).toBe(false);
    expect(isTransient(named('ValidationError'))).toBe(false);
    expect(isTransient(named('MongoServerError', { code: 11000 }))).toBe(false);
    expect(isTransient('a string')).toBe(false);
  });
});
