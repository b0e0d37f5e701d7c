// Saves text or a blob as a file through the browser's download (a temporary object URL on a clicked link).

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a later revoke frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function download(name: string, text: string, type = 'text/plain') {
  downloadBlob(name, new Blob([text], { type }));
}

/** A file name from a flow's name: letters, digits and dashes. */
export const fileStem = (name: string) => name.trim().replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'flow';
