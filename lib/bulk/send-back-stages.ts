// The stages an item can be sent back to (see send-back.ts for what that does). Kept apart from
// the SQL so the browser can list them without loading the database client.
export const SEND_BACK_STAGES = ['draft', 'revise'] as const;
export type SendBackStage = (typeof SEND_BACK_STAGES)[number];

export const SEND_BACK_LABEL: Record<SendBackStage, string> = {
  draft: 'draft (new draft and revision)',
  revise: 'revise (new revision of the current draft)',
};
