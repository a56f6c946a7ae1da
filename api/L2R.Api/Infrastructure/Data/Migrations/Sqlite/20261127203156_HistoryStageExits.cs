using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryStageExits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CohortVersion",
                table: "LeadTransitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeadCreatedAt",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "LeftCohortVersion",
                table: "LeadTransitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftEnteredAt",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeftOwnerId",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeftPreviousVisitAt",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeftStage",
                table: "LeadTransitions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftStep",
                table: "LeadTransitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeftVersion",
                table: "LeadTransitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousVisitAt",
                table: "LeadTransitions",
                type: "TEXT",
                nullable: true);

            // Fills the new columns from the history.
            HistoryStageExitsBackfill.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
