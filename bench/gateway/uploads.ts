import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import * as Minio from 'minio';
import { testInfra } from '@lers/testing';

const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const PDF_HEAD = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const PDF_TAIL = Buffer.from('\n%%EOF\n');

/** A PDF of exactly `size` bytes, generated as it is read: the client holds 64 KiB, never the file. */
export function pdfStream(size: number): Readable {
  let left = size - PDF_HEAD.length - PDF_TAIL.length;
  let stage: 'head' | 'body' | 'tail' | 'done' = 'head';
  return new Readable({
    read() {
      if (stage === 'head') {
        stage = 'body';
        this.push(PDF_HEAD);
      } else if (stage === 'body' && left > 0) {
        const take = Math.min(left, CHUNK.length);
        left -= take;
        this.push(take === CHUNK.length ? CHUNK : CHUNK.subarray(0, take));
      } else if (stage !== 'done') {
        stage = stage === 'body' ? 'tail' : 'done';
        this.push(stage === 'tail' ? PDF_TAIL : null);
      } else this.push(null);
    },
  });
}

/** POSTs `kind` and a generated PDF of `size` bytes as multipart, streamed; resolves the status and body. */
export function uploadThroughGateway(
  url: string,
  accessToken: string,
  size: number,
  kind = 'court_order',
): Promise<{ status: number; body: string }> {
  const boundary = `lers-bench-${Date.now().toString(36)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="order.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.write(head);
    const file = pdfStream(size);
    file.on('end', () => outgoing.end(tail));
    file.pipe(outgoing, { end: false });
  });
}

export function minioClient(): Minio.Client {
  const url = new URL(testInfra.minioEndpoint);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: testInfra.minioUser,
    secretKey: testInfra.minioPassword,
  });
}
