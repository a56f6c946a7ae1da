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
        var q = new LedgerSql(db, scope, boundaries);
        var (tenant, from, to, cohort) = (q.Tenant, q.From, q.To, q.Cohort);
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

        leads.Append(q.SliceFilter("t"));
        string Exit(string column) => detail.HasFlag(LedgerDetail.ExitDetails) ? $"LEAD(t.\"{column}\") OVER ({ByLead})" : "NULL";

        // Versions only grow over time, so the largest MQL version so far is the one the lead last became an MQL under;
        // a second window over every row, so it is computed only for an answer that shows or filters by it.
        var versionShown = groupBy == MetricsGrouping.AgreementVersion || scope.AgreementVersion is not null || detail.HasFlag(LedgerDetail.ExitDetails);
        var keyVersion = cohort && versionShown
            ? $"COALESCE(MAX(CASE WHEN t.\"To\" = '{LeadState.MQL}' THEN t.\"AgreementVersion\" END) OVER ({ByLead} ROWS UNBOUNDED PRECEDING), t.\"AgreementVersion\")"
            : "t.\"AgreementVersion\"";
        var slices = detail.HasFlag(LedgerDetail.LeadSlices) || LedgerSql.JoinsLead(groupBy);
        var enteredIn = q.Bucket(cohort ? "h.\"CreatedAt\"" : "h.\"EnteredAt\"");
        var leftIn = cohort ? enteredIn : q.Bucket("h.\"LeftAt\"");
        var sql = $"""
            SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e."LeadId", e."Stage", e."EnteredIn" ORDER BY e."EnteredAt", e."Step") AS "Visit"
            FROM (
                SELECT h."LeadId", h."Stage", h."EnteredAt", h."Step", h."LeftAt", h."ExitTrigger", h."ExitReasonCode", h."ExitVersion",
                    h."ExitNote", h."ExitActorUserId", h."OwnerId", h."KeyVersion", {LedgerSql.GroupKey(groupBy, "h", "h.\"KeyVersion\"")} AS "GroupKey",
                    {enteredIn} AS "EnteredIn",
                    CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {leftIn} END AS "LeftIn",
                    CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {db.WholeHoursSql("h.\"EnteredAt\"", "h.\"LeftAt\"")} END AS "Hours",
                    {(slices ? "l.\"Source\", l.\"Campaign\"" : "NULL AS \"Source\", NULL AS \"Campaign\"")}, {q.Amount(slices, "h")} AS "Amount"
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
                {(slices ? q.LeadJoin("h") : "")}
                WHERE h."Stage" IN ({LedgerSql.Stages}){(cohort ? "" : $" AND (h.\"LeftAt\" IS NULL OR h.\"LeftAt\" >= {from})")}
            ) AS e
            """;
        var entries = db.Database.SqlQueryRaw<LedgerEntry>(sql, [.. q.Args]);
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

    /// <summary>
    /// The ledger counted into cells (the domain's input) in one query, from the stage entries kept with the history
    /// (<see cref="StageEntryKeeper"/>): each row already carries what <see cref="Entries"/> works out with window
    /// functions (its exit, its lead's creation, its previous visit to the stage, its cohort version), so counting is
    /// one pass over a tenant's entries of the range, placed in the same cells.
    /// </summary>
    public static async Task<List<LedgerCell>> CellsAsync(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries, MetricsGrouping? groupBy, CancellationToken ct)
    {
        var q = new LedgerSql(db, scope, boundaries);
        var (tenant, from, to, cohort) = (q.Tenant, q.From, q.To, q.Cohort);
        var version = cohort ? "s.\"CohortVersion\"" : "s.\"AgreementVersion\"";
        var range = cohort
            ? $"s.\"LeadCreatedAt\" >= {from} AND s.\"LeadCreatedAt\" < {to}"
            : $"s.\"EnteredAt\" < {to} AND (s.\"LeftAt\" IS NULL OR s.\"LeftAt\" >= {from})";
        var filters = new StringBuilder(q.SliceFilter("s"));
        if (scope.Owner is { } owner)
        {
            filters.Append(owner.UserId is { } ownerId ? $" AND s.\"OwnerId\" = {q.Arg(ownerId)}" : " AND s.\"OwnerId\" IS NULL");
        }

        if (scope.AgreementVersion is { } agreementVersion)
        {
            filters.Append(CultureInfo.InvariantCulture, $" AND {version} = {q.Arg(agreementVersion)}");
        }

        // A period ends at its end: an entry left after it is still in, as the ledger's cut-off history finds it.
        var left = cohort ? "s.\"LeftAt\" IS NOT NULL" : $"s.\"LeftAt\" < {to}";
        var enteredIn = q.Bucket(cohort ? "s.\"LeadCreatedAt\"" : "s.\"EnteredAt\"");
        var firstVisit = cohort ? "s.\"PreviousVisitAt\" IS NULL" : $"s.\"PreviousVisitAt\" IS NULL OR {q.Bucket("s.\"PreviousVisitAt\"")} <> {enteredIn}";
        var slices = LedgerSql.JoinsLead(groupBy);
        var sql = $"""
            SELECT {LedgerSql.GroupKey(groupBy, "s", version)} AS "GroupKey", s."Stage", {enteredIn} AS "EnteredIn",
                CASE WHEN {left} THEN {(cohort ? enteredIn : q.Bucket("s.\"LeftAt\""))} END AS "LeftIn",
                CASE WHEN {left} THEN s."ExitTrigger" END AS "ExitTrigger",
                CASE WHEN {left} THEN {db.WholeHoursSql("s.\"EnteredAt\"", "s.\"LeftAt\"")} END AS "Hours",
                CASE WHEN {firstVisit} THEN 1 ELSE 0 END AS "FirstVisit",
                {q.Amount(slices, "s")} AS "Amount"
            FROM "StageEntries" AS s
            {(slices ? q.LeadJoin("s") : "")}
            WHERE s."TenantId" = {tenant} AND s."Stage" IN ({LedgerSql.Stages}) AND {range}{filters}
            """;
        await UseHashAggregatesAsync(db, ct);
        var rows = await db.Database.SqlQueryRaw<CountedEntry>(sql, [.. q.Args])
            .GroupBy(e => new { e.GroupKey, e.Stage, e.EnteredIn, e.LeftIn, e.ExitTrigger, e.Hours, e.FirstVisit })
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
                r.Key.FirstVisit == 1,
                r.Entries,
                Math.Round((decimal)(r.Amount ?? 0), 2)))
            .ToList();
    }

    /// <summary>
    /// On PostgreSQL, the counting query's settings: its group estimate (every whole hour in a stage is a group) is far
    /// above the few thousand cells it makes, so with the default 4 MB the planner sorts a tenant's entries to disk
    /// instead of hashing them, and the query's cost switches JIT compilation on, which takes longer than the query.
    /// Set for the connection's session; the pool resets it when the connection goes back.
    /// </summary>
    private static async Task UseHashAggregatesAsync(L2RDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET jit = off; SET work_mem = '64MB'", ct);
        }
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

/// <summary>One stage entry's place in the cells, as <see cref="Ledger.CellsAsync"/> reads it; column names match its query's.</summary>
public sealed class CountedEntry
{
    public string? GroupKey { get; init; }
    public string Stage { get; init; } = "";
    public int EnteredIn { get; init; }
    public int? LeftIn { get; init; }
    public string? ExitTrigger { get; init; }
    public int? Hours { get; init; }
    public int FirstVisit { get; init; }
    public double? Amount { get; init; }
}

/// <summary>The SQL both ledger queries share: the tenant, the range and the filters bound as arguments, the buckets, the group key and the lead's slices.</summary>
internal sealed class LedgerSql
{
    public static readonly string Stages = string.Join(", ", WaterfallStages.Rows.Select(s => $"'{s}'"));

    private readonly MetricsScope _scope;
    private readonly IReadOnlyList<string> _bounds;

    public LedgerSql(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries)
    {
        _scope = scope;
        Tenant = Arg(db.CurrentTenantId ?? throw new InvalidOperationException("Metrics are read for a tenant."));
        _bounds = boundaries.Select(b => Arg(b)).ToList();
        (From, To) = (_bounds[0], _bounds[^1]);
        Cohort = scope.Mode == WaterfallMode.Cohort;
    }

    public List<object> Args { get; } = [];
    public string Tenant { get; }
    public string From { get; }
    public string To { get; }
    public bool Cohort { get; }

    public string Arg(object value)
    {
        Args.Add(value);
        return $"{{{Args.Count - 1}}}";
    }

    /// <summary>Grouping by source or campaign reads the lead's current values.</summary>
    public static bool JoinsLead(MetricsGrouping? groupBy) => groupBy is MetricsGrouping.Source or MetricsGrouping.Campaign;

    public static string GroupKey(MetricsGrouping? groupBy, string alias, string version) => groupBy switch
    {
        MetricsGrouping.Source => "l.\"Source\"",
        MetricsGrouping.Campaign => "l.\"Campaign\"",
        MetricsGrouping.Owner => $"CAST({alias}.\"OwnerId\" AS VARCHAR(40))",
        MetricsGrouping.AgreementVersion => $"CAST({version} AS VARCHAR(40))",
        _ => "'all'",
    };

    /// <summary>The bucket a time falls in: -1 before the first boundary, then 0, 1… (the last: at or after the last boundary).</summary>
    public string Bucket(string at)
    {
        var cases = new StringBuilder($"CASE WHEN {at} < {_bounds[0]} THEN -1");
        for (var b = 1; b < _bounds.Count; b++)
        {
            cases.Append(CultureInfo.InvariantCulture, $" WHEN {at} < {_bounds[b]} THEN {b - 1}");
        }

        return cases.Append(CultureInfo.InvariantCulture, $" ELSE {_bounds.Count - 1} END").ToString();
    }

    /// <summary>The scope's source and campaign filters, on the rows of <paramref name="alias"/>'s leads.</summary>
    public string SliceFilter(string alias)
    {
        if (_scope.Source is null && _scope.Campaign is null)
        {
            return "";
        }

        var filter = new StringBuilder($" AND {alias}.\"LeadId\" IN (SELECT sl.\"Id\" FROM \"Leads\" AS sl WHERE sl.\"TenantId\" = {Tenant}");
        filter.Append(_scope.Source is { } source ? $" AND sl.\"Source\" = {Arg(source)}" : "");
        filter.Append(_scope.Campaign is { } campaign ? $" AND sl.\"Campaign\" = {Arg(campaign)}" : "");
        return filter.Append(')').ToString();
    }

    public string LeadJoin(string alias) => $"INNER JOIN \"Leads\" AS l ON l.\"TenantId\" = {Tenant} AND l.\"Id\" = {alias}.\"LeadId\"";

    /// <summary>Only opportunities carry an amount the waterfall sums: look it up for them alone unless the lead is joined anyway.</summary>
    public string Amount(bool joined, string alias) => joined
        ? "CAST(l.\"Amount\" AS FLOAT)"
        : $"CASE WHEN {alias}.\"Stage\" = '{LeadState.Opportunity}' THEN (SELECT CAST(a.\"Amount\" AS FLOAT) FROM \"Leads\" AS a WHERE a.\"TenantId\" = {Tenant} AND a.\"Id\" = {alias}.\"LeadId\") END";
}
