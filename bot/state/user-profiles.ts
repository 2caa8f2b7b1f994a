// What the bot remembers about a person: their role in the charter and
// their language. Keyed by AAD object id, so it follows them across chats.
import type { Storage } from 'botbuilder';
import { isRoleId, type RoleId } from '../../data/charter';
import { readRecord, updateRecord } from '../storage/records';

export interface UserProfile {
  role?: RoleId;
  language?: 'da' | 'en';
  updatedAt?: string;
}

export interface UserRef {
  id: string;
  aadObjectId?: string;
}

export const userKey = (user: UserRef) => `users/${user.aadObjectId || user.id}`;

export class UserProfiles {
  constructor(private readonly storage: Storage, private readonly now: () => Date = () => new Date()) {}

  async get(user: UserRef): Promise<UserProfile> {
    const stored = await readRecord<UserProfile>(this.storage, userKey(user));
    return { role: isRoleId(stored?.role) ? stored.role : undefined, language: stored?.language, updatedAt: stored?.updatedAt };
  }

  async setRole(user: UserRef, role: RoleId): Promise<UserProfile> {
    const saved = await updateRecord<UserProfile>(this.storage, userKey(user), (current) => ({ ...current, role, updatedAt: this.now().toISOString() }));
    return saved ?? {};
  }
}
