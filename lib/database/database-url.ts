export interface DatabaseAddress {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function buildDatabaseUrl(address: DatabaseAddress): string {
  // By hand: the URL class's password setter leaves "%" unescaped, which corrupts such passwords.
  const credentials = `${encodeURIComponent(address.user)}:${encodeURIComponent(address.password)}`;
  return `postgresql://${credentials}@${address.host}:${address.port}/${encodeURIComponent(address.database)}`;
}

/** Same server and credentials, another database (the maintenance database `postgres`, for instance). */
export function withDatabaseName(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** For progress lines and error messages: never print a password. */
export function redactDatabaseUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable database URL)";
  }
}
