using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Metrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerId",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DriftAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Episode = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriftAlerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_Kind_OccurredAt",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_Trigger_OccurredAt",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "Trigger", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DriftAlerts_TenantId_AgreementVersion_Measure_Episode",
                table: "DriftAlerts",
                columns: new[] { "TenantId", "AgreementVersion", "Measure", "Episode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DriftAlerts_TenantId_EndedAt",
                table: "DriftAlerts",
                columns: new[] { "TenantId", "EndedAt" });

            // Leads written before the OneMover migration have no creation entry. Each gets one, at its creation, into the
            // stage its earliest move left (or the stage it still is in), so every entry the waterfall counts is a history
            // row. Step -1 puts it before a move of the same instant; the lead's own id is a fresh id in this table; the
            // owner at that moment was not recorded, so it stays unknown.
            migrationBuilder.Sql("INSERT INTO \"LeadTransitions\" (\"Id\", \"TenantId\", \"LeadId\", \"Kind\", \"From\", \"To\", \"Trigger\", \"ActorKind\", \"ActorUserId\", \"OwnerId\", \"OccurredAt\", \"Step\", \"AgreementVersion\", \"ReasonCode\", \"ReasonLabel\", \"Note\", \"Criteria\") SELECT l.\"Id\", l.\"TenantId\", l.\"Id\", 'Created', NULL, COALESCE((SELECT t.\"From\" FROM \"LeadTransitions\" AS t WHERE t.\"TenantId\" = l.\"TenantId\" AND t.\"LeadId\" = l.\"Id\" ORDER BY t.\"OccurredAt\", t.\"Step\" LIMIT 1), l.\"State\"), NULL, 'System', NULL, NULL, l.\"CreatedAt\", -1, COALESCE((SELECT t.\"AgreementVersion\" FROM \"LeadTransitions\" AS t WHERE t.\"TenantId\" = l.\"TenantId\" AND t.\"LeadId\" = l.\"Id\" ORDER BY t.\"OccurredAt\", t.\"Step\" LIMIT 1), l.\"AgreementVersion\"), NULL, NULL, NULL, '[]' FROM \"Leads\" AS l WHERE NOT EXISTS (SELECT 1 FROM \"LeadTransitions\" AS c WHERE c.\"TenantId\" = l.\"TenantId\" AND c.\"LeadId\" = l.\"Id\" AND c.\"Kind\" = 'Created')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DriftAlerts");

            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_Kind_OccurredAt",
                table: "LeadTransitions");

            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_Trigger_OccurredAt",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "LeadTransitions");
        }
    }
}
