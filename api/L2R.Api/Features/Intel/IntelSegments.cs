using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Intel;

/// <summary>A lead's segment for the pains roll-up, and the leads of one segment for its drill-down: one definition for both.</summary>
public static class IntelSegments
{
    public static string KeyOf(PainSegment groupBy, string? industry, int? companySize, string? source) => groupBy switch
    {
        PainSegment.Industry => industry?.Trim() ?? "",
        PainSegment.CompanySize => CompanySizeBand.Of(companySize) is var band && band != CompanySizeBand.Unknown ? band : "",
        _ => source?.Trim() ?? "",
    };

    public static string Label(PainSegment groupBy, string key) => (groupBy, key) switch
    {
        (PainSegment.Industry, "") => "(no industry)",
        (PainSegment.CompanySize, "") => CompanySizeBand.Unknown,
        (PainSegment.CompanySize, _) => key + " employees",
        (PainSegment.Source, "") => "(no source)",
        _ => key,
    };

    /// <summary>The leads whose segment is <paramref name="key"/>, as <see cref="KeyOf"/> reads them.</summary>
    public static IQueryable<Lead> InSegment(IQueryable<Lead> leads, PainSegment groupBy, string key) => (groupBy, key) switch
    {
        (PainSegment.Industry, "") => leads.Where(l => l.Industry == null || l.Industry.Trim() == ""),
        (PainSegment.Industry, _) => leads.Where(l => l.Industry != null && l.Industry.Trim() == key),
        (PainSegment.Source, "") => leads.Where(l => l.Source == null || l.Source.Trim() == ""),
        (PainSegment.Source, _) => leads.Where(l => l.Source != null && l.Source.Trim() == key),
        (PainSegment.CompanySize, "") => leads.Where(l => l.CompanySize == null || l.CompanySize < 1),
        _ => CompanySizeBand.Range(key) is var (from, upTo) ? leads.Where(l => l.CompanySize >= from && l.CompanySize <= upTo) : leads.Where(l => false),
    };
}
