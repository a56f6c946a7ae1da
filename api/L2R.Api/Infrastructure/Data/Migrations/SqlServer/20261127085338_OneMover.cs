using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OneMover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt",
                table: "LeadTransitions");

            migrationBuilder.AlterColumn<string>(
                name: "Trigger",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "From",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Step",
                table: "LeadTransitions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "Leads",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ScoredAt",
                table: "Leads",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt", "Step" });

            // Rows written before this version: every one was a move, names follow Lead.NameOf, scores were last computed at the last write.
            migrationBuilder.Sql("UPDATE \"LeadTransitions\" SET \"Kind\" = 'Moved'");
            migrationBuilder.Sql("UPDATE \"Leads\" SET \"DisplayName\" = COALESCE(NULLIF(TRIM(CONCAT(COALESCE(\"FirstName\", ''), ' ', COALESCE(\"LastName\", ''))), ''), NULLIF(TRIM(\"Email\"), ''), '(no name)'), \"ScoredAt\" = \"UpdatedAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "LeadTransitions");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "ScoredAt",
                table: "Leads");

            migrationBuilder.AlterColumn<string>(
                name: "Trigger",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "From",
                table: "LeadTransitions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt" });
        }
    }
}
