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

/** Every stored version in a bucket (`key@version`), delete markers excluded: what really takes space. */
export async function storedVersions(bucket: string): Promise<Set<string>> {
  const versions = new Set<string>();
  const stream = client().listObjects(bucket, '', true, { IncludeVersion: true });
  for await (const item of stream as AsyncIterable<{
    name?: string;
    versionId?: string;
    isDeleteMarker?: boolean;
  }>) {
    if (item.name && !item.isDeleteMarker) versions.add(`${item.name}@${item.versionId ?? 'null'}`);
  }
  return versions;
}

/** The keys of what appeared in `after` but not in `before`. */
export const newObjectKeys = (before: Set<string>, after: Set<string>) =>
  [...after].filter((version) => !before.has(version)).map((version) => version.split('@')[0]);
