namespace L2R.Domain.Intel;

/// <summary>The tenant's four tag lists of what sales hears in the field.</summary>
public enum IntelKind
{
    Competitor,
    Pain,
    Objection,
    Question,
}

/// <summary>How a campaign's message landed with the lead, as the rep heard it.</summary>
public enum MessageVerdict
{
    Resonated,
    FellFlat,
    Confused,
}
