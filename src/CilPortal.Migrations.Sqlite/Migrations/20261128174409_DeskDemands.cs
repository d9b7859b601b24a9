using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeskDemands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "Demands",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // every demand before this release came from the SNE import
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "Demands");
        }
    }
}
