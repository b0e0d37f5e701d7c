// Saves text as a file through the browser's download (a temporary object URL on a clicked link).

export function download(name: string, text: string, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a later revoke frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
