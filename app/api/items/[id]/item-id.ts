import { z } from 'zod';

export type ItemCtx = { params: Promise<{ id: string }> };

const idSchema = z.object({ id: z.coerce.number().int().positive() });

/** The item id from the route, validated (a non-numeric id is a 400 naming the field). */
export async function itemIdOf(ctx: ItemCtx): Promise<number> {
  return idSchema.parse(await ctx.params).id;
}
