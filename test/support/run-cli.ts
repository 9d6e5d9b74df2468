import fs from 'node:fs';
import { main } from '../../server/cli/main';
import type { CliIo } from '../../server/cli/cli-io';
import { testFollowupService, testLetterService } from './test-service';

/** Runs the CLI in this process with captured output and the test service ("today" fixed). */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readText: (file) => fs.readFileSync(file, 'utf8'),
    writeFile: (file, bytes) => fs.writeFileSync(file, bytes),
    readBytes: (file) => fs.readFileSync(file),
    makeDirectory: (folder) => fs.mkdirSync(folder, { recursive: true }),
    env,
  };
  const code = await main(
    args,
    io,
    () => testLetterService(),
    () => testFollowupService(),
  );
  return { code, stdout, stderr };
}
