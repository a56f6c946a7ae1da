using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementVersion",
                table: "Leads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ActivatedBy",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BasedOnVersion",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "UpdatedBy",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementActivations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Moved = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementActivations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementApprovals_AgreementVersions_AgreementVersionId",
                        column: x => x.AgreementVersionId,
                        principalTable: "AgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_AgreementVersion",
                table: "Leads",
                columns: new[] { "TenantId", "AgreementVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementActivations_TenantId_Status",
                table: "AgreementActivations",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementApprovals_AgreementVersionId",
                table: "AgreementApprovals",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementApprovals_TenantId_AgreementVersionId_Role_UserId",
                table: "AgreementApprovals",
                columns: new[] { "TenantId", "AgreementVersionId", "Role", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAudit_TenantId_AgreementVersionId",
                table: "AgreementAudit",
                columns: new[] { "TenantId", "AgreementVersionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAudit_TenantId_At",
                table: "AgreementAudit",
                columns: new[] { "TenantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementActivations");

            migrationBuilder.DropTable(
                name: "AgreementApprovals");

            migrationBuilder.DropTable(
                name: "AgreementAudit");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_AgreementVersion",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "AgreementVersion",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "ActivatedBy",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "BasedOnVersion",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "AgreementVersions");
        }
    }
}
