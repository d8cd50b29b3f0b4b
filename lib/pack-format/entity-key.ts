/** How an entity is named across packs, in settings (muted entities) and in messages: "packId/entityId". */
export function entityKey(packId: string, entityId: string): string {
  return `${packId}/${entityId}`;
}

/** The pack and entity ids of a key; null for anything that is not one. */
export function parseEntityKey(key: string): { packId: string; entityId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { packId: key.slice(0, slash), entityId: key.slice(slash + 1) };
}
