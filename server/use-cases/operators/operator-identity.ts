import { EMAIL } from '../../core/validation/text-fields';
import type { OperatorRecord } from './operator-store';

/** Who is acting, as the routes see it: never the password hash. */
export interface OperatorIdentity {
  id: string;
  email: string;
  name: string | null;
}

export function identityOf(record: OperatorRecord): OperatorIdentity {
  return { id: record.id, email: record.email, name: record.name };
}

/** One account per address whatever the case it is typed in; null when it is not an address. */
export function normalizeEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}
