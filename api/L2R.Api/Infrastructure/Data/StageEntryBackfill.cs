using System.Text.RegularExpressions;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The stage entries the ledger's window functions find in the history, as one statement that runs on all three
/// databases: the StageEntries migration fills the table with it, and the tests hold the kept entries to it.
/// </summary>
public static class StageEntryBackfill
{
    private const string ByLead = "PARTITION BY t.\"LeadId\" ORDER BY t.\"OccurredAt\", t.\"Step\"";

    public const string Columns =
        "\"Id\", \"TenantId\", \"LeadId\", \"Stage\", \"EnteredAt\", \"Step\", \"EnteredBy\", \"OwnerId\", \"AgreementVersion\", \"LeadCreatedAt\", \"PreviousVisitAt\", \"CohortVersion\", \"LeftAt\", \"ExitTrigger\"";

    public const string Select = $"""
        SELECT t."Id" AS "Id", t."TenantId" AS "TenantId", t."LeadId" AS "LeadId", t."To" AS "Stage", t."OccurredAt" AS "EnteredAt",
            t."Step" AS "Step", t."Trigger" AS "EnteredBy", t."OwnerId" AS "OwnerId", t."AgreementVersion" AS "AgreementVersion",
            FIRST_VALUE(t."OccurredAt") OVER ({ByLead}) AS "LeadCreatedAt",
            LAG(t."OccurredAt") OVER (PARTITION BY t."LeadId", t."To" ORDER BY t."OccurredAt", t."Step") AS "PreviousVisitAt",
            COALESCE(MAX(CASE WHEN t."To" = 'MQL' THEN t."AgreementVersion" END) OVER ({ByLead} ROWS UNBOUNDED PRECEDING), t."AgreementVersion") AS "CohortVersion",
            LEAD(t."OccurredAt") OVER ({ByLead}) AS "LeftAt",
            LEAD(t."Trigger") OVER ({ByLead}) AS "ExitTrigger"
        FROM "LeadTransitions" AS t
        """;

    public const string Insert = $"INSERT INTO \"StageEntries\" ({Columns}) {Select}";

    /// <summary>The same in brackets: a script run by <c>sqlcmd</c> has QUOTED_IDENTIFIER off unless told, as the SQL Server migrations' other SQL assumes.</summary>
    public static string SqlServerInsert => Regex.Replace(Insert, "\"(\\w+)\"", "[$1]");
}
