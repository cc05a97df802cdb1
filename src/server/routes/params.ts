/** Path parameter schemas shared by the route files. */
import { z } from 'zod';
import { EventTypeParam, IdentityProvider } from '#shared/api-schemas';

const seg = z.string().min(1).max(512);
export const WsParams = z.object({ ws: seg });
export const WsIdParams = z.object({ ws: seg, id: seg });
export const WsUserParams = z.object({ ws: seg, userId: seg });
export const EventParams = z.object({ ws: seg, type: EventTypeParam, id: seg });
export const EventTypeParams = z.object({ ws: seg, type: EventTypeParam });
export const IdentityParams = z.object({ ws: seg, provider: IdentityProvider, externalId: seg });
export const AssignmentParams = z.object({ ws: seg, assistantId: seg, userId: seg });

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
