using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedLeadId",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "LeadChanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "LeadActivities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Separator = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Header = table.Column<string>(type: "TEXT", nullable: false),
                    Samples = table.Column<string>(type: "TEXT", nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", nullable: false),
                    DuplicatePolicy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DryRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: true),
                    RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    DryRunCounts = table.Column<string>(type: "TEXT", nullable: true),
                    Counts = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RunningSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsAtRunningSince = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UndoReport = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                    table.UniqueConstraint("AK_ImportRuns_TenantId_Id", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "ImportTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mapping = table.Column<string>(type: "TEXT", nullable: false),
                    DuplicatePolicy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MergedLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportFileChunks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFileChunks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportFileChunks_ImportRuns_TenantId_ImportRunId",
                        columns: x => new { x.TenantId, x.ImportRunId },
                        principalTable: "ImportRuns",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Raw = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRowErrors_ImportRuns_TenantId_ImportRunId",
                        columns: x => new { x.TenantId, x.ImportRunId },
                        principalTable: "ImportRuns",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_ImportRunId",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "ImportRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_DisplayName_Id",
                table: "Leads",
                columns: new[] { "TenantId", "DisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_UpdatedAt_Id",
                table: "Leads",
                columns: new[] { "TenantId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadChanges_TenantId_ImportRunId",
                table: "LeadChanges",
                columns: new[] { "TenantId", "ImportRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadActivities_TenantId_ImportRunId",
                table: "LeadActivities",
                columns: new[] { "TenantId", "ImportRunId" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_TenantId_At",
                table: "Audit",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportFileChunks_TenantId_ImportRunId_Index",
                table: "ImportFileChunks",
                columns: new[] { "TenantId", "ImportRunId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportRowErrors_TenantId_ImportRunId_Line",
                table: "ImportRowErrors",
                columns: new[] { "TenantId", "ImportRunId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_TenantId_CreatedAt",
                table: "ImportRuns",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_TenantId_Status",
                table: "ImportRuns",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportTemplates_TenantId_Kind_Name",
                table: "ImportTemplates",
                columns: new[] { "TenantId", "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MergedLeads_TenantId_SurvivorId",
                table: "MergedLeads",
                columns: new[] { "TenantId", "SurvivorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "ImportFileChunks");

            migrationBuilder.DropTable(
                name: "ImportRowErrors");

            migrationBuilder.DropTable(
                name: "ImportTemplates");

            migrationBuilder.DropTable(
                name: "MergedLeads");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_ImportRunId",
                table: "LeadTransitions");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_CreatedAt_Id",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_DisplayName_Id",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_UpdatedAt_Id",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_LeadChanges_TenantId_ImportRunId",
                table: "LeadChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadActivities_TenantId_ImportRunId",
                table: "LeadActivities");

            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "MergedLeadId",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "LeadChanges");

            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "LeadActivities");
        }
    }
}
