using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PriorityPublicSituations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PriorityPublicSituations",
                table: "CiaYears",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PriorityPublicSituations",
                table: "CiaYears");
        }
    }
}
