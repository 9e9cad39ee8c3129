import { IsInt, Min } from 'class-validator';
import { ConfigError } from './config-error';
import { loadConfig, variableNames } from './load-config';
import { ServiceEnv, WithMinio, WithMongo } from './service-env';

class ExampleEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3999;
  override MONGO_DB = 'lers_example';
  @IsInt()
  @Min(1)
  RETRIES = 3;
}

const minio = { MINIO_ACCESS_KEY: 'key', MINIO_SECRET_KEY: 'secret' };

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig(ExampleEnv, { ...minio, KAFKA_BROKERS: 'a:1, b:2', RETRIES: '7' });
    expect(config.HTTP_PORT).toBe(3999);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.RETRIES).toBe(7);
    expect(config.MONGO_DB).toBe('lers_example');
  });

  it('refuses bad values, naming every variable', () => {
    const attempt = () =>
      loadConfig(ExampleEnv, { HTTP_PORT: 'eighty', MONGO_URL: 'postgres://x', RETRIES: '0' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const names = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(names).toEqual(['HTTP_PORT', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY', 'MONGO_URL', 'RETRIES']);
      expect((error as ConfigError).message).toContain('HTTP_PORT');
    }
  });

  it('reads optional variables that have no default', () => {
    expect(loadConfig(ExampleEnv, { ...minio, JWT_PUBLIC_KEY: 'pem' }).JWT_PUBLIC_KEY).toBe('pem');
  });

  it('lists the variables a schema declares, for deployment cross-checks', () => {
    expect(variableNames(ExampleEnv)).toEqual(
      expect.arrayContaining(['HTTP_PORT', 'MONGO_URL', 'MINIO_ENDPOINT', 'RETRIES']),
    );
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig(ExampleEnv, minio))).toBe(true);
  });
});
