/**
 * Saves `content` as a file from an extension page: a Blob, an object URL and a clicked
 * `<a download>`. No `downloads` permission is needed for this.
 */
export function downloadFile(fileName: string, content: string, type: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([content], { type }), doc);
}

/** Saves a Blob (one written in parts: a backup, a whole ledger's CSV) as a file. */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
