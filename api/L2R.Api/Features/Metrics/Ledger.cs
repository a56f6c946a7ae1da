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

/// <summary>One cell of one half of the ledger as <see cref="Ledger.CellsAsync"/> counts it; column names match the query's.</summary>
public sealed class LedgerPart
{
    /// <summary>Entries counted as lasting (every row), entries that ended in or after the buckets' start, or before it.</summary>
    public int Part { get; init; }
    public string? GroupKey { get; init; }
    public string Stage { get; init; } = "";
    public int EnteredIn { get; init; }
    public int? LeftIn { get; init; }
    public string? ExitTrigger { get; init; }
    public int? Hours { get; init; }
    public int FirstVisit { get; init; }
    public long Entries { get; init; }
    public double? Amount { get; init; }
}

/// <summary>
/// The history read as a ledger of stage entries: the queries every metric is built on. Each history row is an entry
/// into its <c>To</c> stage and ends the entry its lead's previous row made; the mover writes on each row the facts of
/// the entry it ends (<see cref="StageEntryFacts"/>), so an ended entry reads from the row that ended it and a lasting
/// one from its own row, with plain (indexed) scans and no window over the history. Raw SQL, the tenant bound
/// explicitly as the query filter does for LINQ; the result composes with LINQ for filters, grouping and paging.
/// </summary>
public static class Ledger
{
    private const int Entry = 0;
    private const int Ended = 1;
    private const int EndedBefore = 2;

    /// <summary>
    /// Entries relevant to buckets [b0, b1), [b1, b2)… (the waterfall asks for one, [from, to)). Period mode: entries
    /// open at some point of the range, placed by when they entered and left (-1 before the range; a null
    /// <see cref="LedgerEntry.LeftIn"/> when not left before its end). Cohort mode: every entry of the leads created in
    /// the range, placed in their creation's bucket, "left" in it if they left at all. Columns a caller does not ask
    /// for (<paramref name="detail"/>) come back null, so counting reads the history's index and little else.
    /// </summary>
    public static IQueryable<LedgerEntry> Entries(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries, MetricsGrouping? groupBy, LedgerDetail detail = LedgerDetail.None)
    {
        var sql = new LedgerSql(db, scope, boundaries, groupBy, detail);
        var period = sql.Cohort ? "" : $" WHERE h.\"LeftAt\" IS NULL OR h.\"LeftAt\" >= {sql.From}";
        var text = $"""
            SELECT h."LeadId", h."Stage", h."EnteredAt", h."Step", h."LeftAt", h."ExitTrigger", h."ExitReasonCode", h."ExitVersion",
                h."ExitNote", h."ExitActorUserId", h."OwnerId", h."KeyVersion", {sql.GroupKey} AS "GroupKey",
                {sql.EnteredIn} AS "EnteredIn",
                CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {sql.LeftIn} END AS "LeftIn",
                CASE WHEN h."LeftAt" IS NULL THEN NULL ELSE {sql.Hours} END AS "Hours",
                {sql.Slices}, {sql.Amount} AS "Amount",
                CAST(CASE WHEN {sql.FirstVisit} THEN 1 ELSE 2 END AS BIGINT) AS "Visit"
            FROM ({sql.Ended()} UNION ALL {sql.Lasting()}) AS h
            {sql.LeadJoin}{period}
            """;
        var entries = db.Database.SqlQueryRaw<LedgerEntry>(text, [.. sql.Args]);
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
    /// The ledger counted into cells (the domain's input) in one round trip, without pairing rows: every row counted
    /// as an entry that lasts, every row that ends an entry counted as that entry's end; an entry that ended is taken
    /// back from the lasting ones of its cell, so each entry lands once, as <see cref="Entries"/> would place it.
    /// </summary>
    public static async Task<List<LedgerCell>> CellsAsync(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries, MetricsGrouping? groupBy, CancellationToken ct)
    {
        var sql = new LedgerSql(db, scope, boundaries, groupBy, LedgerDetail.None);
        var filter = new List<string>();
        if (scope.Owner is { } owner)
        {
            filter.Add(owner.UserId is { } id ? $"h.\"OwnerId\" = {sql.Bind(id)}" : "h.\"OwnerId\" IS NULL");
        }

        if (scope.AgreementVersion is { } version)
        {
            filter.Add($"h.\"KeyVersion\" = {sql.Bind(version)}");
        }

        var where = filter.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filter);

        // Period mode: an entry that ended before the range is only taken back from the lasting ones, as the range never saw it.
        var part = sql.Cohort ? $"{Ended}" : $"CASE WHEN h.\"LeftAt\" >= {sql.From} THEN {Ended} ELSE {EndedBefore} END";
        string InRange(string value) => sql.Cohort ? value : $"CASE WHEN h.\"LeftAt\" >= {sql.From} THEN {value} END";

        // Each half is counted on its own, so each is one hashed aggregate over one scan of the history.
        string Counted(string rows) => $"""
            SELECT c."Part", c."GroupKey", c."Stage", c."EnteredIn", c."LeftIn", c."ExitTrigger", c."Hours", c."FirstVisit",
                CAST(COUNT(*) AS BIGINT) AS "Entries", SUM(c."Amount") AS "Amount"
            FROM ({rows}) AS c
            GROUP BY c."Part", c."GroupKey", c."Stage", c."EnteredIn", c."LeftIn", c."ExitTrigger", c."Hours", c."FirstVisit"
            """;
        var lastingRows = $"""
            SELECT {Entry} AS "Part", {sql.GroupKey} AS "GroupKey", h."Stage", {sql.EnteredIn} AS "EnteredIn", CAST(NULL AS INTEGER) AS "LeftIn",
                CAST(NULL AS VARCHAR(40)) AS "ExitTrigger", CAST(NULL AS INTEGER) AS "Hours", CASE WHEN {sql.FirstVisit} THEN 1 ELSE 0 END AS "FirstVisit", {sql.Amount} AS "Amount"
            FROM ({sql.Lasting(Entry)}) AS h
            {sql.LeadJoin}{where}
            """;
        var endedRows = $"""
            SELECT {part} AS "Part", {sql.GroupKey} AS "GroupKey", h."Stage", {sql.EnteredIn} AS "EnteredIn",
                {InRange(sql.LeftIn)} AS "LeftIn", {InRange("h.\"ExitTrigger\"")} AS "ExitTrigger", {InRange(sql.Hours)} AS "Hours",
                CASE WHEN {sql.FirstVisit} THEN 1 ELSE 0 END AS "FirstVisit", {sql.Amount} AS "Amount"
            FROM ({sql.Ended(Ended)}) AS h
            {sql.LeadJoin}{where}
            """;
        var text = Counted(endedRows) + " UNION ALL " + Counted(lastingRows);
        var rows = await db.Database.SqlQueryRaw<LedgerPart>(text, [.. sql.Args]).ToListAsync(ct);

        // What is left of each cell of entries once the entries that ended are taken out lasts to the end of the buckets.
        var lasting = rows.Where(r => r.Part == Entry)
            .ToDictionary(r => (r.GroupKey, r.Stage, r.EnteredIn, r.FirstVisit), r => (r.Entries, Amount: r.Amount ?? 0));
        foreach (var end in rows.Where(r => r.Part != Entry))
        {
            var key = (end.GroupKey, end.Stage, end.EnteredIn, end.FirstVisit);
            var (entries, amount) = lasting.GetValueOrDefault(key);
            lasting[key] = (entries - end.Entries, amount - (end.Amount ?? 0));
        }

        var cells = lasting.Where(c => c.Value.Entries > 0)
            .Select(c => Cell(groupBy, c.Key.GroupKey, c.Key.Stage, c.Key.EnteredIn, null, null, null, c.Key.FirstVisit, c.Value.Entries, c.Value.Amount));
        var ends = rows.Where(r => r.Part == Ended)
            .Select(r => Cell(groupBy, r.GroupKey, r.Stage, r.EnteredIn, r.LeftIn, r.ExitTrigger, r.Hours, r.FirstVisit, r.Entries, r.Amount ?? 0));
        return [.. cells, .. ends];
    }

    private static LedgerCell Cell(MetricsGrouping? groupBy, string? groupKey, string stage, int enteredIn, int? leftIn, string? exitTrigger, int? hours, int firstVisit, long entries, double amount) =>
        new(
            Key(groupBy, groupKey),
            Enum.Parse<LeadState>(stage),
            enteredIn,
            leftIn,
            exitTrigger is null ? null : Enum.Parse<LeadTrigger>(exitTrigger),
            hours,
            firstVisit == 1,
            (int)entries,
            Math.Round((decimal)amount, 2));

    /// <summary>The SQL both ledger queries share: the tenant and the filters bound as arguments, the two halves of the ledger, the buckets.</summary>
    private sealed class LedgerSql
    {
        private readonly string _tenant;
        private readonly IReadOnlyList<string> _bounds;
        private readonly string _filter;
        private readonly string _exitFilter;
        private readonly LedgerDetail _detail;
        private readonly bool _slices;

        public LedgerSql(L2RDbContext db, MetricsScope scope, IReadOnlyList<DateTime> boundaries, MetricsGrouping? groupBy, LedgerDetail detail)
        {
            _tenant = Bind(db.CurrentTenantId ?? throw new InvalidOperationException("Metrics are read for a tenant."));
            _bounds = boundaries.Select(b => Bind(b)).ToList();
            _detail = detail;
            Cohort = scope.Mode == WaterfallMode.Cohort;
            From = _bounds[0];
            var to = _bounds[^1];

            // A cohort is the leads whose first row lies in the range; a period ends at its end, so an entry ended after it lasts.
            var filter = new StringBuilder(Cohort
                ? $" AND t.\"LeadCreatedAt\" >= {From} AND t.\"LeadCreatedAt\" < {to}"
                : $" AND t.\"OccurredAt\" < {to}");
            _exitFilter = Cohort ? "" : $" AND n.\"OccurredAt\" < {to}";
            if (scope.Source is not null || scope.Campaign is not null)
            {
                filter.Append(CultureInfo.InvariantCulture, $" AND t.\"LeadId\" IN (SELECT s.\"Id\" FROM \"Leads\" AS s WHERE s.\"TenantId\" = {_tenant}");
                filter.Append(scope.Source is { } source ? $" AND s.\"Source\" = {Bind(source)}" : "");
                filter.Append(scope.Campaign is { } campaign ? $" AND s.\"Campaign\" = {Bind(campaign)}" : "");
                filter.Append(')');
            }

            _filter = filter.ToString();
            _slices = detail.HasFlag(LedgerDetail.LeadSlices) || groupBy is MetricsGrouping.Source or MetricsGrouping.Campaign;
            GroupKey = groupBy switch
            {
                MetricsGrouping.Source => "l.\"Source\"",
                MetricsGrouping.Campaign => "l.\"Campaign\"",
                MetricsGrouping.Owner => "CAST(h.\"OwnerId\" AS VARCHAR(40))",
                MetricsGrouping.AgreementVersion => "CAST(h.\"KeyVersion\" AS VARCHAR(40))",
                _ => "'all'",
            };
            EnteredIn = Bucket(Cohort ? "h.\"CreatedAt\"" : "h.\"EnteredAt\"");
            LeftIn = Cohort ? EnteredIn : Bucket("h.\"LeftAt\"");

            // The first visit of a lead to a stage among the entries of one bucket: its previous visit lies in an earlier one.
            FirstVisit = Cohort
                ? "h.\"PreviousVisitAt\" IS NULL"
                : $"(h.\"PreviousVisitAt\" IS NULL OR {Bucket("h.\"PreviousVisitAt\"")} <> {EnteredIn})";
            Hours = db.WholeHoursSql("h.\"EnteredAt\"", "h.\"LeftAt\"");
            Slices = _slices ? "l.\"Source\", l.\"Campaign\"" : "NULL AS \"Source\", NULL AS \"Campaign\"";
            // Only opportunities carry an amount the waterfall sums: join the lead for them alone unless it is joined anyway.
            LeadJoin = _slices
                ? $"INNER JOIN \"Leads\" AS l ON l.\"TenantId\" = {_tenant} AND l.\"Id\" = h.\"LeadId\""
                : $"LEFT JOIN \"Leads\" AS l ON h.\"Stage\" = '{LeadState.Opportunity}' AND l.\"TenantId\" = {_tenant} AND l.\"Id\" = h.\"LeadId\"";
            Amount = "CAST(l.\"Amount\" AS FLOAT)";
        }

        public List<object> Args { get; } = [];
        public bool Cohort { get; }
        public string From { get; }
        public string GroupKey { get; }
        public string EnteredIn { get; }
        public string LeftIn { get; }
        public string FirstVisit { get; }
        public string Hours { get; }
        public string Slices { get; }
        public string LeadJoin { get; }
        public string Amount { get; }

        private static string Stages => string.Join(", ", WaterfallStages.Rows.Select(s => $"'{s}'"));

        /// <summary>The entries that ended, each read from the row that ended it.</summary>
        public string Ended(int? part = null) => $"""
            SELECT {Part(part)}t."LeadId", t."LeftStage" AS "Stage", t."LeftEnteredAt" AS "EnteredAt", t."LeftStep" AS "Step", t."LeftOwnerId" AS "OwnerId",
                t."{(Cohort ? "LeftCohortVersion" : "LeftVersion")}" AS "KeyVersion", t."LeadCreatedAt" AS "CreatedAt", t."LeftPreviousVisitAt" AS "PreviousVisitAt",
                t."OccurredAt" AS "LeftAt", t."Trigger" AS "ExitTrigger", {Exit("ReasonCode")} AS "ExitReasonCode", {Exit("AgreementVersion")} AS "ExitVersion",
                {Exit("Note")} AS "ExitNote", {Exit("ActorUserId")} AS "ExitActorUserId"
            FROM "LeadTransitions" AS t
            WHERE t."TenantId" = {_tenant} AND t."LeftStage" IN ({Stages}){_filter}
            """;

        /// <summary>
        /// Entries read from their own rows: with a <paramref name="part"/>, every one (the cells take the ended ones
        /// back out); without, only those no row ends (within the range in period mode), for a list of entries.
        /// </summary>
        public string Lasting(int? part = null) => $"""
            SELECT {Part(part)}t."LeadId", t."To" AS "Stage", t."OccurredAt" AS "EnteredAt", t."Step", t."OwnerId",
                t."{(Cohort ? "CohortVersion" : "AgreementVersion")}" AS "KeyVersion", t."LeadCreatedAt" AS "CreatedAt", t."PreviousVisitAt",
                NULL AS "LeftAt", NULL AS "ExitTrigger", NULL AS "ExitReasonCode", NULL AS "ExitVersion", NULL AS "ExitNote", NULL AS "ExitActorUserId"
            FROM "LeadTransitions" AS t
            WHERE t."TenantId" = {_tenant} AND t."To" IN ({Stages}){_filter}{(part is null ? $" AND NOT EXISTS (SELECT 1 FROM \"LeadTransitions\" AS n WHERE n.\"TenantId\" = {_tenant} AND n.\"LeadId\" = t.\"LeadId\" AND n.\"LeftEnteredAt\" = t.\"OccurredAt\" AND n.\"LeftStep\" = t.\"Step\"{_exitFilter})" : "")}
            """;

        private static string Part(int? part) => part is { } p ? $"{p} AS \"Part\", " : "";

        private string Exit(string column) => _detail.HasFlag(LedgerDetail.ExitDetails) ? $"t.\"{column}\"" : "NULL";

        /// <summary>A value bound as the next argument; its placeholder for the SQL.</summary>
        public string Bind(object value)
        {
            Args.Add(value);
            return $"{{{Args.Count - 1}}}";
        }

        private string Bucket(string at)
        {
            var cases = new StringBuilder($"CASE WHEN {at} < {_bounds[0]} THEN -1");
            for (var b = 1; b < _bounds.Count; b++)
            {
                cases.Append(CultureInfo.InvariantCulture, $" WHEN {at} < {_bounds[b]} THEN {b - 1}");
            }

            return cases.Append(CultureInfo.InvariantCulture, $" ELSE {_bounds.Count - 1} END").ToString();
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
