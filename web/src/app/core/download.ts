import { FileResponse } from '../api/l2r-api';

/**
 * Hands a file the API sent to the browser's downloads. The generated client fetched it through HttpClient, so the
 * bearer token (and its refresh) came from the auth interceptor; a plain link could not carry the token.
 */
export function saveFile(file: FileResponse, fallbackName: string): string {
  const name = file.fileName || fallbackName;
  const url = URL.createObjectURL(file.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the object URL is no longer needed once it is under way.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
