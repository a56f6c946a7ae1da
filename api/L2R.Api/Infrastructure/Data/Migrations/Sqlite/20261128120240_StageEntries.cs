using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StageEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreementVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadCreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousVisitAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CohortVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExitTrigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageEntries_Leads_TenantId_LeadId",
                        columns: x => new { x.TenantId, x.LeadId },
                        principalTable: "Leads",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StageEntries_TenantId_EnteredAt",
                table: "StageEntries",
                columns: new[] { "TenantId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StageEntries_TenantId_LeadCreatedAt",
                table: "StageEntries",
                columns: new[] { "TenantId", "LeadCreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StageEntries_TenantId_LeadId",
                table: "StageEntries",
                columns: new[] { "TenantId", "LeadId" });

            // Existing history gets its entries as the ledger finds them.
            RowSecurityPolicies.AsOwner(migrationBuilder, ["LeadTransitions"], StageEntryBackfill.Insert);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageEntries");
        }
    }
}
