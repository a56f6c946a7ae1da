import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../api/l2r-api';
import { Problem, toProblem } from '../core/problem';

/**
 * Downloads a metrics report as CSV. The generated client always asks for JSON, so this asks the same endpoint with
 * `Accept: text/csv`; it goes through HttpClient so the auth interceptor adds the bearer token and refreshes it.
 */
@Injectable({ providedIn: 'root' })
export class CsvDownload {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL, { optional: true }) ?? '';

  /** Saves the file in the browser; resolves to the problem when the server refused. */
  async save(
    path: string,
    params: Record<string, string>,
    fileName: string,
  ): Promise<Problem | null> {
    try {
      const blob = await firstValueFrom(
        this.http.get(`${this.baseUrl}${path}`, {
          params,
          headers: { Accept: 'text/csv' },
          responseType: 'blob',
        }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
      return null;
    } catch (e) {
      return toProblem(await readBlobError(e));
    }
  }
}

/** HttpClient hands a failed blob request's ProblemDetails over as a Blob: read it so the message can be shown. */
async function readBlobError(e: unknown): Promise<unknown> {
  const error = (e as { error?: unknown; status?: number } | null)?.error;
  if (!(error instanceof Blob)) return e;
  return { status: (e as { status?: number }).status, error: await error.text() };
}
