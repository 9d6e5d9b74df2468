import fs from 'node:fs';

/** What was typed after the end of the last line read (two answers pasted at once), kept for the next read. */
let typedAhead = '';

/**
 * Reads one line typed on a terminal without showing it (raw mode, no echo): Enter ends it, Backspace deletes,
 * Ctrl-C, or Ctrl-D on an empty line, cancels. The prompt goes to `output` (stderr), so stdout stays for results.
 */
export function readHiddenLine(
  input: NodeJS.ReadStream,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw;
    let value = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    /** true once the line is complete or cancelled; what follows it in the chunk is kept for the next read. */
    const take = (chunk: string): boolean => {
      const chars = [...chunk];
      for (let index = 0; index < chars.length; index += 1) {
        const char = chars[index]!;
        if (char === '\r' || char === '\n') {
          typedAhead = chars.slice(index + (char === '\r' && chars[index + 1] === '\n' ? 2 : 1)).join('');
          finish();
          return true;
        }
        if (char === '\u0003' || char === '\u0004') {
          typedAhead = chars.slice(index + 1).join('');
          if (char === '\u0004' && value !== '') finish();
          else finish(new Error('annullato / cancelled'));
          return true;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
      return false;
    };
    const onData = (chunk: string) => void take(chunk);
    // Echo off before the prompt appears: nothing typed after it can be shown.
    input.setRawMode(true);
    input.setEncoding('utf8');
    output.write(prompt);
    const ahead = typedAhead;
    typedAhead = '';
    if (take(ahead)) return;
    input.on('data', onData);
    input.resume();
  });
}

/** The first line of standard input when it is a pipe or a file (`printf '%s\n' "$PASSWORD" | reclamo …`). */
export function firstLineOfStdin(): string {
  let text = '';
  try {
    text = fs.readFileSync(0, 'utf8');
  } catch {
    // no standard input at all
  }
  return text.split('\n')[0]!.replace(/\r$/, '');
}
