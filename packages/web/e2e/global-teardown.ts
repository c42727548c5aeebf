// Stops the server started by global-setup.ts and removes its data dir.
import { rmSync } from 'node:fs';

async function stopped(pid: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, 'SIGKILL');
}

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.E2E_SERVER_PID);
  if (pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
      await stopped(pid);
    } catch {
      // already gone
    }
  }
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
