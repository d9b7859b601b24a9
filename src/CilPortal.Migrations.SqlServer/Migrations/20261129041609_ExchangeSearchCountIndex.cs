using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ExchangeSearchCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ExchangeListings_Status_MemberId",
                table: "ExchangeListings",
                columns: new[] { "Status", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExchangeListings_Status_MemberId",
                table: "ExchangeListings");
        }
    }
}
