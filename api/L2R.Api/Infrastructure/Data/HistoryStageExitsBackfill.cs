using Microsoft.EntityFrameworkCore.Migrations;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// Fills the facts <see cref="Domain.Metrics.StageEntryFacts"/> derives on the history rows written before the mover
/// wrote them (migration HistoryStageExits): the same definitions in SQL, with window functions over each lead's rows
/// in (time, step) order, once. On PostgreSQL and SQL Server the history sits behind row-level security, which holds
/// for the migrating owner too (decision 0014), so the wall is lowered for this one statement and raised again.
/// </summary>
public static class HistoryStageExitsBackfill
{
    private const string ByLead = "PARTITION BY v.\"LeadId\" ORDER BY v.\"OccurredAt\", v.\"Step\"";

    private const string Facts = $"""
        SELECT v."Id", v."LeadCreatedAt", v."CohortVersion", v."PreviousVisitAt",
            LAG(v."To") OVER ({ByLead}) AS "LeftStage",
            LAG(v."OccurredAt") OVER ({ByLead}) AS "LeftEnteredAt",
            LAG(v."Step") OVER ({ByLead}) AS "LeftStep",
            LAG(v."OwnerId") OVER ({ByLead}) AS "LeftOwnerId",
            LAG(v."AgreementVersion") OVER ({ByLead}) AS "LeftVersion",
            LAG(v."CohortVersion") OVER ({ByLead}) AS "LeftCohortVersion",
            LAG(v."PreviousVisitAt") OVER ({ByLead}) AS "LeftPreviousVisitAt"
        FROM (
            SELECT r."Id", r."LeadId", r."To", r."OccurredAt", r."Step", r."OwnerId", r."AgreementVersion",
                FIRST_VALUE(r."OccurredAt") OVER (PARTITION BY r."LeadId" ORDER BY r."OccurredAt", r."Step") AS "LeadCreatedAt",
                COALESCE(MAX(CASE WHEN r."To" = 'MQL' THEN r."AgreementVersion" END) OVER (PARTITION BY r."LeadId" ORDER BY r."OccurredAt", r."Step" ROWS UNBOUNDED PRECEDING), r."AgreementVersion") AS "CohortVersion",
                LAG(r."OccurredAt") OVER (PARTITION BY r."LeadId", r."To" ORDER BY r."OccurredAt", r."Step") AS "PreviousVisitAt"
            FROM "LeadTransitions" AS r
        ) AS v
        """;

    private const string Assignments = """
        "LeadCreatedAt" = f."LeadCreatedAt", "CohortVersion" = f."CohortVersion", "PreviousVisitAt" = f."PreviousVisitAt",
            "LeftStage" = f."LeftStage", "LeftEnteredAt" = f."LeftEnteredAt", "LeftStep" = f."LeftStep", "LeftOwnerId" = f."LeftOwnerId",
            "LeftVersion" = f."LeftVersion", "LeftCohortVersion" = f."LeftCohortVersion", "LeftPreviousVisitAt" = f."LeftPreviousVisitAt"
        """;

    public static void Apply(MigrationBuilder migrationBuilder)
    {
        switch (migrationBuilder.ActiveProvider)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                migrationBuilder.Sql($"""
                    ALTER TABLE "LeadTransitions" NO FORCE ROW LEVEL SECURITY;
                    UPDATE "LeadTransitions" AS t SET {Assignments} FROM ({Facts}) AS f WHERE f."Id" = t."Id";
                    ALTER TABLE "LeadTransitions" FORCE ROW LEVEL SECURITY;
                    """);
                break;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                migrationBuilder.Sql($"ALTER SECURITY POLICY {RowSecurityPolicies.SqlServerPolicy} WITH (STATE = OFF);");
                migrationBuilder.Sql($"UPDATE t SET {Assignments} FROM \"LeadTransitions\" AS t INNER JOIN ({Facts}) AS f ON f.\"Id\" = t.\"Id\";");
                migrationBuilder.Sql($"ALTER SECURITY POLICY {RowSecurityPolicies.SqlServerPolicy} WITH (STATE = ON);");
                break;
            default:
                migrationBuilder.Sql($"UPDATE \"LeadTransitions\" AS t SET {Assignments} FROM ({Facts}) AS f WHERE f.\"Id\" = t.\"Id\";");
                break;
        }
    }
}
