// What the bot remembers about a person: their role in the charter, their
// language, and a question waiting for their role. Keyed by channel, tenant
// and AAD object id: it follows a person across their Teams chats, and an
// activity from another channel naming the same id reaches another record.
import { isRoleId, type RoleId } from '../../data/charter';
import type { Interpretation } from '../../data/language/recognizer';
import { readRecord, updateRecord } from '../storage/records';
import type { KeyValueStore } from '../storage/store';
import type { Person } from './person';

/** A question asked before the role was known; answered once it is. */
export interface PendingQuestion extends Interpretation {
  language: 'da' | 'en';
  at: string;
}

export interface UserProfile {
  role?: RoleId;
  language?: 'da' | 'en';
  pending?: PendingQuestion;
  updatedAt?: string;
}

const segment = (v: string | undefined) => encodeURIComponent(v || '-');
export const userKey = (user: Person) =>
  `users/${segment(user.channelId)}/${segment(user.tenantId)}/${segment(user.aadObjectId || user.id)}`;
const PENDING_MINUTES = 60;

export class UserProfiles {
  constructor(
    private readonly storage: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(user: Person): Promise<UserProfile> {
    const stored = await readRecord<UserProfile>(this.storage, userKey(user));
    const fresh = stored?.pending && this.now().getTime() - Date.parse(stored.pending.at) < PENDING_MINUTES * 60_000;
    return {
      role: isRoleId(stored?.role) ? stored.role : undefined,
      language: stored?.language,
      pending: fresh ? stored.pending : undefined,
      updatedAt: stored?.updatedAt,
    };
  }

  /** Sets the role (undefined forgets it); a question waiting for it is dropped. */
  async setRole(user: Person, role: RoleId | undefined): Promise<void> {
    await this.update(user, (p) => ({ ...p, role, pending: undefined }));
  }

  async setPending(user: Person, question: Interpretation, language: 'da' | 'en'): Promise<void> {
    await this.update(user, (p) => ({
      ...p,
      pending: { intent: question.intent, slots: question.slots, language, at: this.now().toISOString() },
    }));
  }

  async clearPending(user: Person): Promise<void> {
    await this.update(user, (p) => (p.pending ? { ...p, pending: undefined } : undefined));
  }

  private update(user: Person, change: (p: UserProfile) => UserProfile | undefined) {
    return updateRecord<UserProfile>(this.storage, userKey(user), (current) => {
      const next = change(current ?? {});
      // Through JSON, so undefined fields are dropped as storage would drop them.
      return next && (JSON.parse(JSON.stringify({ ...next, updatedAt: this.now().toISOString() })) as UserProfile);
    });
  }
}
