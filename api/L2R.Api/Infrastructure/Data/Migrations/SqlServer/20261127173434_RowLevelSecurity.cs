using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RowSecurityPolicies.Create(migrationBuilder, TargetModel);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RowSecurityPolicies.Drop(migrationBuilder, TargetModel);
        }
    }
}
