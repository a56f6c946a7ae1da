using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HistoryStageExits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions");

            migrationBuilder.AddColumn<int>(
                name: "CohortVersion",
                table: "LeadTransitions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeadCreatedAt",
                table: "LeadTransitions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "LeftCohortVersion",
                table: "LeadTransitions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftEnteredAt",
                table: "LeadTransitions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeftOwnerId",
                table: "LeadTransitions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftPreviousVisitAt",
                table: "LeadTransitions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeftStage",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftStep",
                table: "LeadTransitions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftVersion",
                table: "LeadTransitions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousVisitAt",
                table: "LeadTransitions",
                type: "datetime2",
                nullable: true);

            // Fills the new columns from the history before the index that carries them is built again.
            HistoryStageExitsBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt", "Step" })
                .Annotation("SqlServer:Include", new[] { "To", "Trigger", "AgreementVersion", "OwnerId", "LeadCreatedAt", "CohortVersion", "PreviousVisitAt", "LeftStage", "LeftEnteredAt", "LeftStep", "LeftOwnerId", "LeftVersion", "LeftCohortVersion", "LeftPreviousVisitAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "CohortVersion",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeadCreatedAt",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftCohortVersion",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftEnteredAt",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftOwnerId",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftPreviousVisitAt",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftStage",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftStep",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "LeftVersion",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "PreviousVisitAt",
                table: "LeadTransitions");

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt", "Step" })
                .Annotation("SqlServer:Include", new[] { "To", "Trigger", "AgreementVersion", "OwnerId" });
        }
    }
}
