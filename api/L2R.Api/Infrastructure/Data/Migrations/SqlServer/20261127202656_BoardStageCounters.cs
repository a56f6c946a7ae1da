using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BoardStageCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoardCountChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Delta = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardCountChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BoardCounters",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardCounters", x => new { x.TenantId, x.Stage });
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardCountChanges_TenantId_Stage_Delta",
                table: "BoardCountChanges",
                columns: new[] { "TenantId", "Stage", "Delta" });

            // Existing tenants start with their leads counted; the new tables go behind the wall once they are filled.
            RowSecurityPolicies.AsOwner(migrationBuilder, ["Leads"], @"INSERT INTO [BoardCounters] ([TenantId], [Stage], [Count]) SELECT [TenantId], [State], COUNT(*) FROM [Leads] GROUP BY [TenantId], [State]");
            RowSecurityPolicies.Protect(migrationBuilder, ["BoardCountChanges", "BoardCounters"]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowSecurityPolicies.Unprotect(migrationBuilder, ["BoardCountChanges", "BoardCounters"]);
            migrationBuilder.DropTable(
                name: "BoardCountChanges");

            migrationBuilder.DropTable(
                name: "BoardCounters");
        }
    }
}
