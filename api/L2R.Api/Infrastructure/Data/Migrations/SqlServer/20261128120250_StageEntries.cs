using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LeadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    EnteredBy = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AgreementVersion = table.Column<int>(type: "int", nullable: false),
                    LeadCreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PreviousVisitAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CohortVersion = table.Column<int>(type: "int", nullable: false),
                    LeftAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExitTrigger = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true)
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

            // Existing history gets its entries as the ledger finds them; the new table goes behind the wall once filled.
            RowSecurityPolicies.AsOwner(migrationBuilder, ["LeadTransitions"], StageEntryBackfill.SqlServerInsert);
            RowSecurityPolicies.Protect(migrationBuilder, ["StageEntries"]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowSecurityPolicies.Unprotect(migrationBuilder, ["StageEntries"]);
            migrationBuilder.DropTable(
                name: "StageEntries");
        }
    }
}
