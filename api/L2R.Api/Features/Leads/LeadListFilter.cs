using L2R.Domain.Leads;
using Microsoft.AspNetCore.Mvc;

namespace L2R.Api.Features.Leads;

/// <summary>The query string of the leads list and its CSV export: the board's filters, then the list's own, then the order.</summary>
public sealed class LeadListParameters
{
    /// <summary>One or more stages (repeat the parameter); none means every stage.</summary>
    [FromQuery(Name = "stage")]
    public LeadState[]? Stage { get; init; }

    /// <summary>A user id, <c>me</c>, or <c>none</c> for unassigned leads.</summary>
    [FromQuery(Name = "owner")]
    public string? Owner { get; init; }

    [FromQuery(Name = "source")]
    public string? Source { get; init; }

    [FromQuery(Name = "campaign")]
    public string? Campaign { get; init; }

    /// <summary>Matches the name, the company or the email, ignoring case.</summary>
    [FromQuery(Name = "text")]
    public string? Text { get; init; }

    /// <summary>Total score at least this (the stored score, as the board shows it).</summary>
    [FromQuery(Name = "minScore")]
    public int? MinScore { get; init; }

    /// <summary>Total score at most this.</summary>
    [FromQuery(Name = "maxScore")]
    public int? MaxScore { get; init; }

    /// <summary>Created at or after this instant (UTC).</summary>
    [FromQuery(Name = "createdFrom")]
    public DateTime? CreatedFrom { get; init; }

    /// <summary>Created before this instant (UTC, exclusive).</summary>
    [FromQuery(Name = "createdTo")]
    public DateTime? CreatedTo { get; init; }

    /// <summary>Last changed at or after this instant (UTC).</summary>
    [FromQuery(Name = "updatedFrom")]
    public DateTime? UpdatedFrom { get; init; }

    /// <summary>Last changed before this instant (UTC, exclusive).</summary>
    [FromQuery(Name = "updatedTo")]
    public DateTime? UpdatedTo { get; init; }

    /// <summary>The column to sort by; the most recently updated first when left out.</summary>
    [FromQuery(Name = "sort")]
    public LeadSortField? Sort { get; init; }

    /// <summary>Descending when the sort is left out too (newest first), ascending once a column is chosen.</summary>
    [FromQuery(Name = "order")]
    public SortOrder? Order { get; init; }

    public LeadSortField SortField => Sort ?? LeadSortField.UpdatedAt;

    public SortOrder SortOrder => Order ?? (Sort is null ? Leads.SortOrder.Desc : Leads.SortOrder.Asc);

    public LeadListFilter ToFilter() => new(
        new LeadFilter(Owner, Source, Campaign, Text), Stage ?? [], MinScore, MaxScore, Utc(CreatedFrom), Utc(CreatedTo), Utc(UpdatedFrom), Utc(UpdatedTo));

    /// <summary>A date without a zone (<c>2026-11-01</c>) means UTC, as every instant the API answers with.</summary>
    private static DateTime? Utc(DateTime? at) => at switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        { } d => d.ToUniversalTime(),
    };
}

/// <summary>The list's filters: the board's (<see cref="LeadFilter"/>) plus stages, a score range and created/updated ranges.</summary>
public sealed record LeadListFilter(
    LeadFilter Board,
    IReadOnlyList<LeadState> Stages,
    int? MinScore,
    int? MaxScore,
    DateTime? CreatedFrom,
    DateTime? CreatedTo,
    DateTime? UpdatedFrom,
    DateTime? UpdatedTo)
{
    public IQueryable<Lead> Apply(IQueryable<Lead> leads, Guid? currentUserId)
    {
        leads = Board.Apply(leads, currentUserId);
        if (Stages.Count > 0)
        {
            var stages = Stages.Distinct().ToList();
            leads = leads.Where(l => stages.Contains(l.State));
        }

        if (MinScore is { } min)
        {
            leads = leads.Where(l => l.TotalScore >= min);
        }

        if (MaxScore is { } max)
        {
            leads = leads.Where(l => l.TotalScore <= max);
        }

        if (CreatedFrom is { } createdFrom)
        {
            leads = leads.Where(l => l.CreatedAt >= createdFrom);
        }

        if (CreatedTo is { } createdTo)
        {
            leads = leads.Where(l => l.CreatedAt < createdTo);
        }

        if (UpdatedFrom is { } updatedFrom)
        {
            leads = leads.Where(l => l.UpdatedAt >= updatedFrom);
        }

        if (UpdatedTo is { } updatedTo)
        {
            leads = leads.Where(l => l.UpdatedAt < updatedTo);
        }

        return leads;
    }
}
