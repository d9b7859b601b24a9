using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AllocationsThroughExaminations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Allocations_Dwellings_DwellingId",
                table: "Allocations");

            migrationBuilder.DropForeignKey(
                name: "FK_Allocations_Reservataires_ReservataireId",
                table: "Allocations");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_DwellingId",
                table: "Allocations");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_ReservataireId",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CaleolDate",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "DwellingId",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "ReservataireId",
                table: "Allocations");

            // The foreign key is dropped around the change of nullability, which SQL Server may refuse on a referencing column.
            migrationBuilder.DropForeignKey(
                name: "FK_Allocations_CaleolExaminations_ExaminationId",
                table: "Allocations");

            migrationBuilder.AlterColumn<int>(
                name: "ExaminationId",
                table: "Allocations",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Allocations_CaleolExaminations_ExaminationId",
                table: "Allocations",
                column: "ExaminationId",
                principalTable: "CaleolExaminations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ExaminationId",
                table: "Allocations",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CaleolDate",
                table: "Allocations",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "DwellingId",
                table: "Allocations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReservataireId",
                table: "Allocations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_DwellingId",
                table: "Allocations",
                column: "DwellingId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_ReservataireId",
                table: "Allocations",
                column: "ReservataireId");

            migrationBuilder.AddForeignKey(
                name: "FK_Allocations_Dwellings_DwellingId",
                table: "Allocations",
                column: "DwellingId",
                principalTable: "Dwellings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Allocations_Reservataires_ReservataireId",
                table: "Allocations",
                column: "ReservataireId",
                principalTable: "Reservataires",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
