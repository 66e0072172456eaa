import type { Access, Scope } from '../access/access.js';
import type { Executor } from '../db/database.js';
import { Conflict, Invalid } from '../errors.js';
import { apisSolelyOwnedBy, existingGroupIds, existingUserIds, transferOwnership, type Owner } from './apis.repository.js';
import { storedId } from '../http/ids.js';

// Other domains name owners through this module (identity hands its users' APIs over), not through the repository.
export type { Owner } from './apis.repository.js';

export interface Successor {
  successor_user?: string;
  successor_group?: string;
}

function parseSuccessor(s: Successor): { owner: Owner; field: string } | undefined {
  if (s.successor_user !== undefined && s.successor_group !== undefined) {
    throw new Invalid('successor_user', 'name either successor_user or successor_group, not both');
  }
  const field = s.successor_user !== undefined ? 'successor_user' : 'successor_group';
  const raw = s.successor_user ?? s.successor_group;
  if (raw === undefined) return undefined;
  const id = storedId(raw);
  if (id === undefined) throw new Invalid(field, `unknown id ${JSON.stringify(raw)}`);
  return { owner: field === 'successor_user' ? { userId: id } : { groupId: id }, field };
}

export interface HandOverRules {
  access: Access;
  /** The deleting actor's scope: the 409 counts only the APIs it can see. */
  scope: Scope;
  /** Throws unless the actor may hand APIs to this (existing) successor. */
  mayReceive(owner: Owner): Promise<void>;
}

/**
 * Called inside the transaction that deletes a user or a group, after the caller
 * checked that the departing owner is within the actor's reach. Ownership is never
 * lost as a side effect: if the departing owner is the only owner of some API, the
 * request must name a successor — someone the actor may act on — who then takes
 * over everything the departing owner owned.
 */
export async function handOverOwnership(ex: Executor, departing: Owner, successor: Successor, rules: HandOverRules): Promise<void> {
  const next = parseSuccessor(successor);
  if (next) {
    const same = 'userId' in departing ? 'userId' in next.owner && next.owner.userId === departing.userId : 'groupId' in next.owner && next.owner.groupId === departing.groupId;
    if (same) throw new Invalid(next.field, 'cannot be the owner being deleted');
    const exists = 'userId' in next.owner ? (await existingUserIds(ex, [next.owner.userId])).size === 1 : (await existingGroupIds(ex, [next.owner.groupId])).size === 1;
    if (!exists) throw new Invalid(next.field, 'no such ' + ('userId' in next.owner ? 'user' : 'user group'));
    await rules.mayReceive(next.owner);
    await transferOwnership(ex, departing, next.owner);
    return;
  }
  const sole = await apisSolelyOwnedBy(ex, departing);
  if (sole.length > 0) {
    const who = 'userId' in departing ? 'user' : 'user group';
    // Count only what the actor sees: a number must not reveal hidden APIs.
    const shown = (await rules.access.visibleApiIds(ex, rules.scope, sole)).size;
    const what = shown > 0 ? `${shown} API${shown === 1 ? '' : 's'}` : 'APIs';
    throw new Conflict(`This ${who} is the only owner of ${what}: name a successor with ?successor_user=ID or ?successor_group=ID`);
  }
}
