using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerIndexColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions");

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt", "Step" })
                .Annotation("Npgsql:IndexInclude", new[] { "To", "Trigger", "AgreementVersion", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions");

            migrationBuilder.CreateIndex(
                name: "IX_LeadTransitions_TenantId_LeadId_OccurredAt_Step",
                table: "LeadTransitions",
                columns: new[] { "TenantId", "LeadId", "OccurredAt", "Step" });
        }
    }
}
