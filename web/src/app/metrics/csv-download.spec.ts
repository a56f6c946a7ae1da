import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { API_BASE_URL } from '../api/l2r-api';
import { CsvDownload } from './csv-download';

describe('CsvDownload', () => {
  let http: HttpTestingController;
  let csv: CsvDownload;
  let click: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: API_BASE_URL, useValue: '' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    csv = TestBed.inject(CsvDownload);
    URL.createObjectURL = vi.fn(() => 'blob:csv');
    URL.revokeObjectURL = vi.fn();
    click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });

  afterEach(() => click.mockRestore());

  it('asks the endpoint for text/csv with the filters and saves the file', async () => {
    const saved = csv.save('/api/metrics/waterfall', { mode: 'Period', source: 'web' }, 'w.csv');
    const request = http.expectOne('/api/metrics/waterfall?mode=Period&source=web');
    expect(request.request.headers.get('Accept')).toBe('text/csv');
    request.flush(new Blob(['stage,entered\nMQL,3\n'], { type: 'text/csv' }));
    expect(await saved).toBeNull();
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("reads the ProblemDetails out of a refused download's blob", async () => {
    const saved = csv.save('/api/metrics/reasons', { from: 'x' }, 'r.csv');
    http.expectOne('/api/metrics/reasons?from=x').flush(
      new Blob([
        JSON.stringify({
          title: 'One or more validation errors occurred.',
          status: 400,
          errors: { from: ['Bad date.'] },
        }),
      ]),
      { status: 400, statusText: 'Bad Request' },
    );
    const problem = await saved;
    expect(problem?.status).toBe(400);
    expect(problem?.errors).toEqual({ from: ['Bad date.'] });
    expect(click).not.toHaveBeenCalled();
  });
});
