using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QuartzTables.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuartzTables.Drop(migrationBuilder);
        }
    }
}
