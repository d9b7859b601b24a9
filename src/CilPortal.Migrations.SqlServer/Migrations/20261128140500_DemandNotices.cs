using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DemandNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoticeToken",
                table: "Demands",
                type: "varchar(50)",
                unicode: false,
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingPortalEmail",
                table: "Demands",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PendingPortalEmailSentAt",
                table: "Demands",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingPortalEmailTokenHash",
                table: "Demands",
                type: "varchar(100)",
                unicode: false,
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortalEmail",
                table: "Demands",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortalPhone",
                table: "Demands",
                type: "varchar(20)",
                unicode: false,
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StatusNotices", // existing demands keep receiving notices until the applicant says otherwise
                table: "Demands",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "RadiationReason",
                table: "DemandEvents",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Demands_NoticeToken",
                table: "Demands",
                column: "NoticeToken",
                unique: true,
                filter: "[NoticeToken] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Demands_NoticeToken",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "NoticeToken",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PendingPortalEmail",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PendingPortalEmailSentAt",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PendingPortalEmailTokenHash",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PortalEmail",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "PortalPhone",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "StatusNotices",
                table: "Demands");

            migrationBuilder.DropColumn(
                name: "RadiationReason",
                table: "DemandEvents");
        }
    }
}
