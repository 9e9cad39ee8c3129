import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { HashingLimit, peekHead } from './streaming-upload';

const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
const collect = async (stream: Readable) => {
  const out: Buffer[] = [];
  for await (const chunk of stream) out.push(Buffer.from(chunk));
  return Buffer.concat(out).toString();
};

describe('peekHead', () => {
  it('returns the first bytes and a stream that still starts at byte 0', async () => {
    const { head, stream } = await peekHead(chunks('%PD', 'F-1.7', ' rest', ' of file'), 6);
    expect(head.toString()).toBe('%PDF-1.7');
    expect(await collect(stream)).toBe('%PDF-1.7 rest of file');
  });

  it('copes with a stream shorter than the head', async () => {
    const { head, stream } = await peekHead(chunks('ab'), 4100);
    expect(head.toString()).toBe('ab');
    expect(await collect(stream)).toBe('ab');
  });
});

describe('HashingLimit', () => {
  it('passes data through, counting and hashing it', async () => {
    const limit = new HashingLimit(100);
    const passed = await collect(chunks('hello ', 'world').pipe(limit));
    expect(passed).toBe('hello world');
    expect(limit.size).toBe(11);
    expect(limit.exceeded).toBe(false);
    expect(limit.digest()).toBe(createHash('sha256').update('hello world').digest('hex'));
  });

  it('stops passing data past the limit but reads to the end without failing', async () => {
    const limit = new HashingLimit(5);
    const passed = await collect(chunks('1234', '5678', '90').pipe(limit));
    expect(passed).toBe('1234');
    expect(limit.exceeded).toBe(true);
    expect(limit.size).toBe(10);
  });
});
