using System.Globalization;
using System.Text;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Metrics;

/// <summary>
/// One entry into a waterfall stage as the ledger query pairs it with the next history row of its lead (the move that
/// ended it), placed in the asked buckets, with the slice fields of its lead. Column names match the query's.
/// </summary>
public sealed class LedgerEntry
{
    public Guid LeadId { get; init; }
    public string Stage { get; init; } = "";
    public DateTime EnteredAt { get; init; }
    public int Step { get; init; }
    public DateTime? LeftAt { get; init; }
    public string? ExitTrigger { get; init; }
    public string? ExitReasonCode { get; init; }
    public int? ExitVersion { get; init; }
    public string? ExitNote { get; init; }
    public Guid? ExitActorUserId { get; init; }
    public Guid? OwnerId { get; init; }
    public int KeyVersion { get; init; }
    public string? GroupKey { get; init; }
    public int EnteredIn { get; init; }
    public int? LeftIn { get; init; }
    public int? Hours { get; init; }
    public string? Source { get; init; }
    public string? Campaign { get; init; }
    public double? Amount { get; init; }
    public long Visit { get; init; }
}

/// <summary>What a ledger query reads beyond the counting columns.</summary>
[Flags]
public enum LedgerDetail
{
    None = 0,

    /// <summary>The reason, version, note and actor of the move that ended each entry, and the version the entry counts under.</summary>
    ExitDetails = 1,

    /// <summary>The lead's source and campaign.</summary>
    LeadSlices = 2,
}

/// <summary>
/// The history read as a ledger of stage entries: the one query every metric is built on. Each history row is an
/// entry into its <c>To</c> stage; the next row of the same lead (by time, then step) is its exit, found with
/// <c>LEAD()</c> over the lead's rows in the order of the (TenantId, LeadId, OccurredAt, Step) index, so no second
/// bookkeeping can drift from it. Raw SQL because LINQ has no window functions; the tenant is bound explicitly, as the
/// query filter does for LINQ, and the result composes with LINQ for filters, grouping and paging.
/// </summary>
public static class Ledger
{
    private const string ByLead = "PARTITION BY t.\"LeadId\" ORDER BY t.\"OccurredAt\", t.\"Step\"";

    /// <summary>
    /// Entries relevant to buckets [b0, b1), [b1, b2)… (the waterfall asks for one, [from, to)). Period mode: entries
    /// open at some point of the range, placed by when they entered and left (-1 before the range; a null
    /// <see cref="LedgerEntry.LeftIn"/> when not left before its end). Cohort mode: every entry of the leads created in
    /// the range, placed in their creation's bucket, "left" in it if they left at all. Columns a caller does not ask
    /// for (<paramref name="detail"/>) come back null, so counting reads the history's index and little else.
    /// </summary>
    public static IQueryable<LedgerEntry> Entries(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries, MetricsGrouping? groupBy, LedgerDetail detail = LedgerDetail.None)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("Metrics are read for a tenant.");
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return $"{{{args.Count - 1}}}";
        }

        var tenant = Arg(tenantId);
        var bounds = boundaries.Select(b => Arg(b)).ToList();
        var (from, to) = (bounds[0], bounds[^1]);
        var cohort = scope.Mode == WaterfallMode.Cohort;
        var leads = new StringBuilder();
        if (cohort)
        {
            leads.Append($" AND t.\"LeadId\" IN (SELECT c.\"LeadId\" FROM \"LeadTransitions\" AS c WHERE c.\"TenantId\" = {tenant} AND c.\"Kind\" = '{HistoryEntryKind.Created}' AND c.\"OccurredAt\" >= {from} AND c.\"OccurredAt\" < {to})");
        }
        else
        {
            // An exit after the range is cut off with the rows after it, so LEAD() finds none: the entry is still in at the end.
            leads.Append($" AND t.\"OccurredAt\" < {to}");
        }

        if (scope.Source is not null || scope.Campaign is not null)
        {
            leads.Append($" AND t.\"LeadId\" IN (SELECT s.\"Id\" FROM \"Leads\" AS s WHERE s.\"TenantId\" = {tenant}");
            leads.Append(scope.Source is { } source ? $" AND s.\"Source\" = {Arg(source)}" : "");
            leads.Append(scope.Campaign is { } campaign ? $" AND s.\"Campaign\" = {Arg(campaign)}" : "");
            leads.Append(')');
        }

        string Bucket(string at)
        {
            var cases = new StringBuilder($"CASE WHEN {at} < {bounds[0]} THEN -1");
            for (var b = 1; b < bounds.Count; b++)
            {
                cases.Append(CultureInfo.InvariantCulture, $" WHEN {at} < {bounds[b]} THEN {b - 1}");
            }

            return cases.Append(CultureInfo.InvariantCulture, $" ELSE {bounds.Count - 1} END").ToString();
        }

        string Exit(string column) => detail.HasFlag(LedgerDetail.ExitDetails) ? $"LEAD(t.\"{column}\") OVER ({ByLead})" : "NULL";

        // Versions only grow over time, so the largest MQL version so far is the one the lead last became an MQL under;
        // a second window over every row, so it is computed only for an answer that shows or filters by it.
        var versionShown = groupBy == MetricsGrouping.AgreementVersion || scope.AgreementVersion is not null || detail.HasFlag(LedgerDetail.ExitDetails);
        var keyVersion = cohort && versionShown
            ? $"COALESCE(MAX(CASE WHEN t.\"To\" = '{LeadState.MQL}' THEN t.\"AgreementVersion\" END) OVER ({ByLead} ROWS UNBOUNDED PRECEDING), t.\"AgreementVersion\")"
            : "t.\"AgreementVersion\"";
        var slices = detail.HasFlag(LedgerDetail.LeadSlices) || groupBy is MetricsGrouping.Source or MetricsGrouping.Campaign;
        var groupKey = groupBy switch
        {
            MetricsGrouping.Source => "l.\"Source\"",
            MetricsGrouping.Campaign => "l.\"Campaign\"",
            MetricsGrouping.Owner => "CAST(h.\"OwnerId\" AS VARCHAR(40))",
            MetricsGrouping.AgreementVersion => "CAST(h.\"KeyVersion\" AS VARCHAR(40))",
            _ => "'all'",
        };

        // Only opportunities carry an amount the waterfall sums: look it up for them alone unless the lead is joined anyway.
        var amount = slices
            ? "CAST(l.\"Amount\" AS FLOAT)"
            : $"CASE WHEN h.\"Stage\" = '{LeadState.Opportunity}' THEN (SELECT CAST(a.\"Amount\" AS FLOAT) FROM \"Leads\" AS a WHERE a.\"TenantId\" = {tenant} AND a.\"Id\" = h.\"LeadId\") END";
        var enteredIn = Bucket(cohort ? "h.\"CreatedAt\"" : "h.\"EnteredAt\"");
        var leftIn = cohort ? enteredIn : Bucket("h.\"LeftAt\"");
        var stages = string.Join(", ", WaterfallStages.Rows.Select(s => $"'{s}'"));
        var sql = $"""
            SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e."LeadId", e."Stage", e."EnteredIn" ORDER BY e."EnteredAt", e."Step") AS "Visit"
            FROM (
                SELECT h."LeadId", h."Stage", h."EnteredAt", h."Step", h."LeftAt", h."ExitTrigger", h."ExitReasonCode", h."ExitVersion",
                    h."ExitNote", h."ExitActorUserId", h."OwnerId", h."KeyVersion", {groupKey} AS "GroupKey",
                    {enteredIn} AS "EnteredIn",
                    CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {leftIn} END AS "LeftIn",
                    CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {db.WholeHoursSql("h.\"EnteredAt\"", "h.\"LeftAt\"")} END AS "Hours",
                    {(slices ? "l.\"Source\", l.\"Campaign\"" : "NULL AS \"Source\", NULL AS \"Campaign\"")}, {amount} AS "Amount"
                FROM (
                    SELECT t."LeadId", t."To" AS "Stage", t."OccurredAt" AS "EnteredAt", t."Step", t."OwnerId", {keyVersion} AS "KeyVersion",
                        {(cohort ? $"FIRST_VALUE(t.\"OccurredAt\") OVER ({ByLead})" : "NULL")} AS "CreatedAt",
                        LEAD(t."OccurredAt") OVER ({ByLead}) AS "LeftAt",
                        LEAD(t."Trigger") OVER ({ByLead}) AS "ExitTrigger",
                        {Exit("ReasonCode")} AS "ExitReasonCode",
                        {Exit("AgreementVersion")} AS "ExitVersion",
                        {Exit("Note")} AS "ExitNote",
                        {Exit("ActorUserId")} AS "ExitActorUserId"
                    FROM "LeadTransitions" AS t
                    WHERE t."TenantId" = {tenant}{leads}
                ) AS h
                {(slices ? $"INNER JOIN \"Leads\" AS l ON l.\"TenantId\" = {tenant} AND l.\"Id\" = h.\"LeadId\"" : "")}
                WHERE h."Stage" IN ({stages}){(cohort ? "" : $" AND (h.\"LeftAt\" IS NULL OR h.\"LeftAt\" >= {from})")}
            ) AS e
            """;
        var entries = db.Database.SqlQueryRaw<LedgerEntry>(sql, [.. args]);
        if (scope.Owner is { } owner)
        {
            entries = entries.Where(e => e.OwnerId == owner.UserId);
        }

        if (scope.AgreementVersion is { } version)
        {
            entries = entries.Where(e => e.KeyVersion == version);
        }

        return entries;
    }

    /// <summary>The ledger counted into cells (the domain's input), one query whatever the number of entries.</summary>
    public static async Task<List<LedgerCell>> CellsAsync(IQueryable<LedgerEntry> entries, MetricsGrouping? groupBy, CancellationToken ct)
    {
        var rows = await entries
            .GroupBy(e => new { e.GroupKey, e.Stage, e.EnteredIn, e.LeftIn, e.ExitTrigger, e.Hours, FirstVisit = e.Visit == 1 })
            .Select(g => new { g.Key, Entries = g.Count(), Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        return rows
            .Select(r => new LedgerCell(
                Key(groupBy, r.Key.GroupKey),
                Enum.Parse<LeadState>(r.Key.Stage),
                r.Key.EnteredIn,
                r.Key.LeftIn,
                r.Key.ExitTrigger is null ? null : Enum.Parse<LeadTrigger>(r.Key.ExitTrigger),
                r.Key.Hours,
                r.Key.FirstVisit,
                r.Entries,
                Math.Round((decimal)(r.Amount ?? 0), 2)))
            .ToList();
    }

    /// <summary>A time read through the ledger: a raw query's columns skip the model's UTC converter, and SQLite hands times back unspecified.</summary>
    public static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    /// <summary>A group's key as the API shows it: an owner id in one spelling whatever the database, "" for none.</summary>
    public static string Key(MetricsGrouping? groupBy, string? raw) => groupBy switch
    {
        null => "all",
        MetricsGrouping.Owner when Guid.TryParse(raw, out var id) => id.ToString(),
        _ => raw ?? "",
    };

    /// <summary>The entries of one group, for a drill-down: the key taken back to the column it came from.</summary>
    public static IQueryable<LedgerEntry> InGroup(this IQueryable<LedgerEntry> entries, MetricsGrouping? groupBy, string? key) => (groupBy, key) switch
    {
        (null, _) or (_, null) => entries,
        (MetricsGrouping.Source, "") => entries.Where(e => e.Source == null),
        (MetricsGrouping.Source, _) => entries.Where(e => e.Source == key),
        (MetricsGrouping.Campaign, "") => entries.Where(e => e.Campaign == null),
        (MetricsGrouping.Campaign, _) => entries.Where(e => e.Campaign == key),
        (MetricsGrouping.Owner, "") => entries.Where(e => e.OwnerId == null),
        (MetricsGrouping.Owner, _) => Guid.TryParse(key, out var owner) ? entries.Where(e => e.OwnerId == owner) : entries.Where(e => false),
        (MetricsGrouping.AgreementVersion, _) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? entries.Where(e => e.KeyVersion == version)
            : entries.Where(e => false),
        _ => entries,
    };
}
