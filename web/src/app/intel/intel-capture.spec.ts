import { intelRequest } from './intel-capture';

describe('intelRequest', () => {
  const none = { Competitor: [], Pain: [], Objection: [], Question: [] };

  it('is undefined when the rep recorded nothing, so the activity or move goes without intel', () => {
    expect(intelRequest(none, null, 'Spring', '  ')).toBeUndefined();
  });

  it('sends only what was picked, the verdict with its campaign (or the lead’s), and the trimmed note', () => {
    expect(
      intelRequest(
        { ...none, Competitor: ['hub'], Question: ['q'] },
        'FellFlat',
        ' ',
        ' Price came up ',
      ),
    ).toEqual({
      competitors: ['hub'],
      pains: undefined,
      objections: undefined,
      questions: ['q'],
      reception: { verdict: 'FellFlat', campaign: undefined },
      note: 'Price came up',
    });
    expect(intelRequest(none, 'Resonated', 'Autumn', '')?.reception).toEqual({
      verdict: 'Resonated',
      campaign: 'Autumn',
    });
  });
});
