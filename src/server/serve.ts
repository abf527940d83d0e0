/**
 * Starting the annotation server: open the database (PostgreSQL when `databaseUrl` is set, else PGlite in
 * `dataDir`), apply the migrations, listen on `port` (loopback unless `host` says otherwise).
 */
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from './db.ts';
import { migrate } from './migrate.ts';
import { createAnnotationService } from './http-service.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = '.apparatus-data';

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  close(): Promise<void>;
}

export async function startServer(options: { port?: number; host?: string; dataDir?: string; databaseUrl?: string | undefined; maxBodyBytes?: number; pageSize?: number }): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? DEFAULT_DATA_DIR });
  try {
    await migrate(db);
    const service = await createAnnotationService({ db, maxBodyBytes: options.maxBodyBytes, pageSize: options.pageSize, allowedOrigins: (process.env['APPARATUS_ORIGINS'] ?? '').split(',').filter(Boolean) });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      service.server.once('error', reject);
      service.server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
    });
    const port = (service.server.address() as AddressInfo).port;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      close: async () => {
        await service.stop();
        service.server.closeAllConnections();
        await new Promise<void>((resolve) => service.server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}
