namespace L2R.Domain.Agreements;

/// <summary>Where a version is in its lifecycle: Draft → Active → Superseded, never back.</summary>
public enum AgreementStatus
{
    Draft,
    Active,
    Superseded,
}
