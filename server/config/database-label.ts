/** The server and database of a DATABASE_URL, for logs and the CLI: never its user name or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
