/** "seen 3 min ago": when a page last showed a person, in words. */
export function seenText(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never seen';
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'seen just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `seen ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `seen ${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `seen ${days} ${days === 1 ? 'day' : 'days'} ago`;
  return `seen on ${new Date(iso).toLocaleDateString()}`;
}
