import {
  DEFAULT_QUERY,
  apiPeriod,
  filterArgs,
  filterParams,
  fromParams,
  toParams,
} from './metrics-query';

describe('metrics query in the URL', () => {
  it('round-trips a view through the query string, leaving defaults out', () => {
    const query = {
      ...DEFAULT_QUERY,
      mode: 'Period' as const,
      from: '2026-07-01',
      to: '2026-09-30',
      source: 'webinar',
      agreementVersion: 2,
      groupBy: 'AgreementVersion' as const,
    };
    const params = toParams(query);
    expect(params).toEqual({
      mode: 'Period',
      from: '2026-07-01',
      to: '2026-09-30',
      source: 'webinar',
      agreementVersion: '2',
      groupBy: 'AgreementVersion',
    });
    expect(fromParams(params)).toEqual(query);
    expect(toParams(DEFAULT_QUERY)).toEqual({});
  });

  it('falls back to the defaults for values it does not know', () => {
    expect(
      fromParams({
        mode: 'cohortish',
        groupBy: 'Color',
        bucket: 'Day',
        agreementVersion: '-1',
        trigger: 'Win',
      }),
    ).toEqual(DEFAULT_QUERY);
  });

  it('sends dates as UTC instants with the last day included, and instants as they are', () => {
    expect(apiPeriod({ ...DEFAULT_QUERY, from: '2026-07-01', to: '2026-09-30' })).toEqual({
      from: '2026-07-01T00:00:00Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    const window = { from: '2026-10-28T10:15:00Z', to: '2026-11-27T10:15:00Z' };
    expect(apiPeriod({ ...DEFAULT_QUERY, ...window })).toEqual(window);
    expect(apiPeriod(DEFAULT_QUERY)).toEqual({ from: undefined, to: undefined });
  });

  it('gives the generated client its arguments and the CSV download the same filters', () => {
    const query = { ...DEFAULT_QUERY, campaign: ' spring ', ownerId: 'me', agreementVersion: 3 };
    expect(filterArgs(query)).toEqual([
      undefined,
      undefined,
      'Cohort',
      undefined,
      'spring',
      'me',
      3,
    ]);
    expect(filterParams(query)).toEqual({
      mode: 'Cohort',
      campaign: 'spring',
      ownerId: 'me',
      agreementVersion: '3',
    });
  });
});
