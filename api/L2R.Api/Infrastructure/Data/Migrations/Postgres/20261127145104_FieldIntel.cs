using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace L2R.Api.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FieldIntel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntelTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    NormalizedLabel = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelTags", x => x.Id);
                    table.UniqueConstraint("AK_IntelTags_TenantId_Id", x => new { x.TenantId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "LeadIntel",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActivityType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TransitionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Campaign = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadIntel", x => x.Id);
                    table.UniqueConstraint("AK_LeadIntel_TenantId_Id", x => new { x.TenantId, x.Id });
                    table.ForeignKey(
                        name: "FK_LeadIntel_Leads_TenantId_LeadId",
                        columns: x => new { x.TenantId, x.LeadId },
                        principalTable: "Leads",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeadIntelTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadIntelId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    TagId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadIntelTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadIntelTags_IntelTags_TenantId_TagId",
                        columns: x => new { x.TenantId, x.TagId },
                        principalTable: "IntelTags",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadIntelTags_LeadIntel_TenantId_LeadIntelId",
                        columns: x => new { x.TenantId, x.LeadIntelId },
                        principalTable: "LeadIntel",
                        principalColumns: new[] { "TenantId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntelTags_TenantId_Kind_NormalizedLabel",
                table: "IntelTags",
                columns: new[] { "TenantId", "Kind", "NormalizedLabel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadIntel_TenantId_LeadId_RecordedAt",
                table: "LeadIntel",
                columns: new[] { "TenantId", "LeadId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadIntel_TenantId_RecordedAt",
                table: "LeadIntel",
                columns: new[] { "TenantId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadIntelTags_TenantId_Kind_RecordedAt",
                table: "LeadIntelTags",
                columns: new[] { "TenantId", "Kind", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadIntelTags_TenantId_LeadIntelId_TagId",
                table: "LeadIntelTags",
                columns: new[] { "TenantId", "LeadIntelId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadIntelTags_TenantId_TagId_RecordedAt",
                table: "LeadIntelTags",
                columns: new[] { "TenantId", "TagId", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadIntelTags");

            migrationBuilder.DropTable(
                name: "IntelTags");

            migrationBuilder.DropTable(
                name: "LeadIntel");
        }
    }
}
