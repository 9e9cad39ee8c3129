import {
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSLockTimeout,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import {
  MongoBulkWriteError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoWriteConcernError,
  MongoNotConnectedError,
  TopologyType,
  type BulkWriteResult,
  type WriteError,
} from 'mongodb';
import { Error as MongooseError } from 'mongoose';
import { isTransient } from './transient-error';

// The errors are built with the drivers' own classes, the way the drivers build them: from the
// server's reply document, from a socket event, from the retrier giving up. Where the driver adds
// a label after construction (sdam/server.js), so do we, with its own method.

/** As the driver turns an `{ ok: 0 }` reply into an error (labels come from the server's reply). */
const serverReply = (reply: Record<string, unknown>) =>
  new MongoServerError({ ok: 0, ...reply } as ConstructorParameters<typeof MongoServerError>[0]);

// Internal modules, required for the constructors the drivers themselves call.
/* eslint-disable @typescript-eslint/no-require-imports */
/** What kafkajs's protocol layer raises for a broker's error code (src/protocol/error.js). */
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as {
  createErrorFromCode(code: number): KafkaJSProtocolError;
};
/** The topology the driver hands to MongoServerSelectionError (sdam/topology.js). */
const { TopologyDescription } = require('mongodb/lib/sdam/topology_description') as {
  TopologyDescription: new (type: TopologyType) => ConstructorParameters<typeof MongoServerSelectionError>[1];
};
/** The driver's bulk write result and write error (bulk/common.js; the package exports only their types). */
const bulk = require('mongodb/lib/bulk/common') as {
  BulkWriteResult: new (result: object, ordered: boolean) => BulkWriteResult;
  WriteError: new (error: { index: number; code: number; errmsg: string }) => WriteError;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The result the driver builds for a bulk write (bulk/common.js), from its running totals. */
function bulkResult(totals: { writeErrors?: WriteError[]; writeConcernErrors?: object[] } = {}) {
  return new bulk.BulkWriteResult(
    {
      ok: 1,
      writeErrors: totals.writeErrors ?? [],
      writeConcernErrors: totals.writeConcernErrors ?? [],
      insertedIds: [],
      nInserted: 0,
      nUpserted: 0,
      nMatched: 0,
      nModified: 0,
      nRemoved: 0,
      upserted: [],
    },
    false,
  );
}

describe('isTransient: the database', () => {
  it('a closed connection, as the driver raises it when FerretDB stops mid-operation', () => {
    const error = new MongoNetworkError('connection 1 to 127.0.0.1:27017 closed');
    error.addErrorLabel(MongoErrorLabel.ResetPool);
    expect(isTransient(error)).toBe(true);
  });

  it('a socket timeout', () => {
    expect(isTransient(new MongoNetworkTimeoutError('connection 2 to 127.0.0.1:27017 timed out'))).toBe(true);
  });

  it('no server to select (the server is away)', () => {
    const error = new MongoServerSelectionError(
      'Server selection timed out after 5000 ms',
      new TopologyDescription(TopologyType.Single),
    );
    expect(isTransient(error)).toBe(true);
  });

  it('a primary stepping down mid-write (NotWritablePrimary, labelled retryable by the server)', () => {
    const error = serverReply({
      errmsg: 'not primary',
      code: 10107,
      codeName: 'NotWritablePrimary',
      errorLabels: [MongoErrorLabel.RetryableWriteError],
    });
    expect(error.errorLabels).toEqual(['RetryableWriteError']); // an Array, not a Set
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    [91, 'ShutdownInProgress', 'The server is in quiesce mode and will shut down'],
    [189, 'PrimarySteppedDown', 'Primary stepped down while waiting for replication'],
    [11600, 'InterruptedAtShutdown', 'interrupted at shutdown'],
    [11602, 'InterruptedDueToReplStateChange', 'operation was interrupted'],
    [13436, 'NotPrimaryOrSecondary', 'node is recovering'],
  ])('a node recovering or shutting down, unlabelled (code %i %s)', (code, codeName, errmsg) => {
    expect(isTransient(serverReply({ code, codeName, errmsg }))).toBe(true);
  });

  it('an error the server labels TransientTransactionError', () => {
    const error = serverReply({
      errmsg: 'Unable to acquire lock',
      code: 24,
      codeName: 'LockTimeout',
      errorLabels: [MongoErrorLabel.TransientTransactionError],
    });
    expect(isTransient(error)).toBe(true);
  });

  it('a majority that did not acknowledge in time (write concern wtimeout)', () => {
    // The reply of a write applied on the primary whose majority acknowledgement timed out.
    const error = new MongoWriteConcernError({
      ok: 1,
      n: 1,
      writeConcernError: {
        code: 64,
        codeName: 'WriteConcernFailed',
        errmsg: 'waiting for replication timed out',
        errInfo: { wtimeout: true },
      },
    });
    expect(isTransient(error)).toBe(true);
  });

  it('a client used while shutting down', () => {
    expect(
      isTransient(new MongoNotConnectedError('Client must be connected before running operations')),
    ).toBe(true);
  });

  it('a bulk write cut short by the connection dropping (the driver wraps what it met)', () => {
    const met = new MongoNetworkError('connection 4 to 127.0.0.1:27017 closed');
    expect(isTransient(new MongoBulkWriteError(met, bulkResult()))).toBe(true);
    const noServer = new MongoServerSelectionError(
      'connect ECONNREFUSED 127.0.0.1:27017',
      new TopologyDescription(TopologyType.Single),
    );
    expect(isTransient(new MongoBulkWriteError(noServer, bulkResult()))).toBe(true);
  });

  it('a bulk write whose majority did not acknowledge in time', () => {
    const writeConcernError = {
      code: 64,
      codeName: 'WriteConcernFailed',
      errmsg: 'waiting for replication timed out',
      errInfo: { wtimeout: true },
    };
    const error = new MongoBulkWriteError(
      { message: writeConcernError.errmsg, code: writeConcernError.code },
      bulkResult({ writeConcernErrors: [writeConcernError] }),
    );
    expect(isTransient(error)).toBe(true);
  });

  it('a bulk write refused for duplicate keys is permanent', () => {
    const duplicate = new bulk.WriteError({
      index: 0,
      code: 11000,
      errmsg: 'E11000 duplicate key error collection: lers.processed_events index: _id_',
    });
    const error = new MongoBulkWriteError(
      { message: duplicate.errmsg ?? '', code: 11000, writeErrors: [duplicate] },
      bulkResult({ writeErrors: [duplicate] }),
    );
    expect(isTransient(error)).toBe(false);
  });

  it('a duplicate key is permanent', () => {
    const error = serverReply({
      errmsg: 'E11000 duplicate key error collection: lers.outgoing_emails index: _id_',
      code: 11000,
      codeName: 'DuplicateKey',
    });
    expect(isTransient(error)).toBe(false);
  });

  it('an invalid update is permanent', () => {
    const error = serverReply({ errmsg: 'Unknown modifier: $sett', code: 9, codeName: 'FailedToParse' });
    expect(isTransient(error)).toBe(false);
  });

  it('a write concern error that is not about time or members is permanent', () => {
    const error = new MongoWriteConcernError({
      ok: 1,
      writeConcernError: { code: 79, codeName: 'UnknownReplWriteConcern', errmsg: 'unrecognized mode' },
    });
    expect(isTransient(error)).toBe(false);
  });

  it('a schema validation error is permanent', () => {
    const error = new MongooseError.ValidationError();
    error.addError('to', new MongooseError.ValidatorError({ message: 'Path `to` is required.', path: 'to' }));
    expect(isTransient(error)).toBe(false);
  });
});

describe('isTransient: the broker', () => {
  it('a refused connection, as kafkajs raises it', () => {
    const error = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
      broker: '127.0.0.1:9092',
      code: 'ECONNREFUSED',
    });
    expect(isTransient(error)).toBe(true);
  });

  it('a request that timed out', () => {
    const error = new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out', {
      broker: '127.0.0.1:9092',
      clientId: 'lers-notification',
      correlationId: 12,
      createdAt: 0,
      sentAt: 0,
      pendingDuration: 0,
    });
    expect(isTransient(error)).toBe(true);
  });

  it('the retrier giving up on a connection error (the cause decides)', () => {
    const cause = new KafkaJSConnectionError('Connection timeout', { broker: '127.0.0.1:9092' });
    const error = new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 3000 });
    expect(error.retriable).toBe(false);
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    [5, 'LEADER_NOT_AVAILABLE'],
    [6, 'NOT_LEADER_FOR_PARTITION'],
    [7, 'REQUEST_TIMED_OUT'],
    [19, 'NOT_ENOUGH_REPLICAS'],
  ])('a broker error kafkajs marks retriable (%i %s)', (code, type) => {
    const error = createErrorFromCode(code);
    expect(error.type).toBe(type);
    expect(isTransient(error)).toBe(true);
  });

  it('a lock wait that timed out', () => {
    // kafkajs's typings omit the message its lock (src/utils/lock.js) passes.
    const LockTimeout = KafkaJSLockTimeout as unknown as new (message: string) => KafkaJSLockTimeout;
    expect(isTransient(new LockTimeout('Timeout while acquiring lock (1 waiting locks)'))).toBe(true);
  });

  it.each([
    [10, 'MESSAGE_TOO_LARGE'],
    [29, 'TOPIC_AUTHORIZATION_FAILED'],
  ])('a broker error kafkajs marks not retriable is permanent (%i %s)', (code, type) => {
    const error = createErrorFromCode(code);
    expect(error.type).toBe(type);
    expect(isTransient(error)).toBe(false);
  });

  it('the retrier giving up on a permanent error is permanent', () => {
    const cause = createErrorFromCode(10);
    expect(isTransient(new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 3000 }))).toBe(
      false,
    );
  });

  it('a generic kafkajs error flagged not retriable is permanent', () => {
    expect(isTransient(new KafkaJSError('Invalid topic', { retriable: false }))).toBe(false);
  });
});

describe('isTransient: everything else', () => {
  it('a refused socket from Node itself', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    expect(isTransient(error)).toBe(true);
  });

  it('an error whose cause is transient', () => {
    const cause = new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed');
    expect(isTransient(new Error('could not store the e-mail', { cause }))).toBe(true);
  });

  it('programming errors and non-errors are permanent', () => {
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'email')"))).toBe(false);
    expect(isTransient('a string')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});
