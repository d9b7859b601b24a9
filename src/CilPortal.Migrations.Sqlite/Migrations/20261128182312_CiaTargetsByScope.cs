using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CiaTargetsByScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CiaTargetOverrides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OutsideQpvFirstQuartileTarget = table.Column<double>(type: "REAL", nullable: false),
                    InQpvOtherQuartilesTarget = table.Column<double>(type: "REAL", nullable: false),
                    PriorityPublicsTarget = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CiaTargetOverrides", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CiaTargetOverrides_Year_ScopeKind_ScopeId",
                table: "CiaTargetOverrides",
                columns: new[] { "Year", "ScopeKind", "ScopeId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CiaTargetOverrides");
        }
    }
}
