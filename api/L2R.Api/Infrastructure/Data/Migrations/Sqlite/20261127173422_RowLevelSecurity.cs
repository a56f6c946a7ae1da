using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
