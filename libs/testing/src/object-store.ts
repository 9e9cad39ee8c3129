import * as Minio from 'minio';
import { testInfra } from './infra/test-infra';

const client = () => {
  const url = new URL(testInfra.minioEndpoint);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: testInfra.minioUser,
    secretKey: testInfra.minioPassword,
  });
};

/**
 * The keys of the objects a bucket holds now. (Listing with versions would be stricter, but
 * minio-js 8 signs the second page of a versioned listing wrongly, so it fails past 1000 versions.)
 */
export async function storedObjects(bucket: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const stream = client().listObjects(bucket, '', true);
  for await (const item of stream as AsyncIterable<{ name?: string }>) {
    if (item.name) keys.add(item.name);
  }
  return keys;
}

/** The keys in `after` but not in `before`. */
export const newObjectKeys = (before: Set<string>, after: Set<string>) =>
  [...after].filter((key) => !before.has(key));
