/** Who acted, as the CRM vouches for it: HubSpot userId / Salesforce User Id, and their email. */
export interface Actor {
  id: string;
  email: string | null;
}

// Definition rows keep their author as one string; "id <email>" keeps both and reads well in the CLI.
const actorText = /^(.*?) <([^<>]*)>$/;

export function actorToText(actor: Actor): string {
  return actor.email === null ? actor.id : `${actor.id} <${actor.email}>`;
}

export function actorFromText(text: string): Actor {
  const match = actorText.exec(text);
  return match ? { id: match[1] ?? text, email: match[2] ?? null } : { id: text, email: null };
}
