// Saves text or a blob as a file through the browser's download (an object URL on a temporary link).
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadText = (text: string, fileName: string, type: string) => downloadBlob(new Blob([text], { type }), fileName);

/** A file name from a flow's name: letters, digits and dashes. */
export const fileStem = (name: string) => name.trim().replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'flow';
