/** `<prefix>-YYYY-MM-DD.<ext>`, dated the user's own calendar day. */
export function datedFileName(prefix: string, ext: string, now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${ext}`;
}
