using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedLeadId",
                table: "LeadTransitions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "LeadChanges",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "LeadActivities",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Separator = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    Header = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Samples = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DuplicatePolicy = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TemplateName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DryRun = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CancelRequested = table.Column<bool>(type: "bit", nullable: false),
                    TotalRows = table.Column<int>(type: "int", nullable: true),
                    RowsDone = table.Column<int>(type: "int", nullable: false),
                    DryRunCounts = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Counts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RunningSince = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RowsAtRunningSince = table.Column<int>(type: "int", nullable: false),
                    ClaimedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UndoneBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UndoReport = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Mapping = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DuplicatePolicy = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MergedLeads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    MergedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedLeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportFileChunks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImportRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImportRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Column = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Raw = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
