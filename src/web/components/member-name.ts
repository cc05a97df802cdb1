import type { Member } from '#shared/api-schemas';

/** How a member is named on review screens: their name, else their e-mail; someone gone, plainly. */
export function memberName(people: readonly Member[], userId: string): string {
  const m = people.find((p) => p.userId === userId);
  return m ? (m.name ?? m.email) : 'a former member';
}
