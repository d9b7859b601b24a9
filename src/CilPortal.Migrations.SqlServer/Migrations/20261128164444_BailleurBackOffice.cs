using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BailleurBackOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QpvLocatedBy",
                table: "Residences",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContourGeoJson",
                table: "Qpvs",
                type: "varchar(max)",
                unicode: false,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VacantSince",
                table: "Dwellings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Answer",
                table: "Allocations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AnsweredOn",
                table: "Allocations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CiaAnnualResources",
                table: "Allocations",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CiaAnnualResourcesPerUnit",
                table: "Allocations",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CiaConsumptionUnits",
                table: "Allocations",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CiaDwellingInQpv",
                table: "Allocations",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CiaFirstQuartile",
                table: "Allocations",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CiaFirstQuartileThreshold",
                table: "Allocations",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CiaPriorityPublic",
                table: "Allocations",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CiaQpvCode",
                table: "Allocations",
                type: "varchar(8)",
                unicode: false,
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CiaUrbanRenewal",
                table: "Allocations",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CiaYear",
                table: "Allocations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExaminationId",
                table: "Allocations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsUrbanRenewalRehousing",
                table: "Allocations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CaleolExaminations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BailleurId = table.Column<int>(type: "int", nullable: false),
                    DwellingId = table.Column<int>(type: "int", nullable: false),
                    ReservataireId = table.Column<int>(type: "int", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FewerCandidatesReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaleolExaminations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaleolExaminations_Bailleurs_BailleurId",
                        column: x => x.BailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaleolExaminations_Dwellings_DwellingId",
                        column: x => x.DwellingId,
                        principalTable: "Dwellings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaleolExaminations_Reservataires_ReservataireId",
                        column: x => x.ReservataireId,
                        principalTable: "Reservataires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CiaYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    FirstQuartileThreshold = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    ThresholdSource = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    OutsideQpvFirstQuartileTarget = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    InQpvOtherQuartilesTarget = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    PriorityPublicsTarget = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CiaYears", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_ExaminationId",
                table: "Allocations",
                column: "ExaminationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaleolExaminations_BailleurId_SessionDate",
                table: "CaleolExaminations",
                columns: new[] { "BailleurId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CaleolExaminations_DwellingId_SessionDate",
                table: "CaleolExaminations",
                columns: new[] { "DwellingId", "SessionDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaleolExaminations_ReservataireId",
                table: "CaleolExaminations",
                column: "ReservataireId");

            migrationBuilder.AddForeignKey(
                name: "FK_Allocations_CaleolExaminations_ExaminationId",
                table: "Allocations",
                column: "ExaminationId",
                principalTable: "CaleolExaminations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Allocations recorded before examinations existed: one examination per dwelling and session date
            // (the first réservataire of the session when several were recorded), and leased candidates had accepted.
            migrationBuilder.Sql("""
                INSERT INTO CaleolExaminations (BailleurId, DwellingId, ReservataireId, SessionDate)
                SELECT r.BailleurId, a.DwellingId, MIN(a.ReservataireId), a.CaleolDate
                FROM Allocations a
                JOIN Dwellings d ON d.Id = a.DwellingId
                JOIN Residences r ON r.Id = d.ResidenceId
                WHERE a.ExaminationId IS NULL
                GROUP BY r.BailleurId, a.DwellingId, a.CaleolDate
                """);
            migrationBuilder.Sql("""
                UPDATE Allocations SET ExaminationId = (
                    SELECT e.Id FROM CaleolExaminations e
                    WHERE e.DwellingId = Allocations.DwellingId AND e.SessionDate = Allocations.CaleolDate)
                WHERE ExaminationId IS NULL
                """);
            migrationBuilder.Sql("UPDATE Allocations SET Answer = 1 WHERE LeaseSignedOn IS NOT NULL AND Answer = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Allocations_CaleolExaminations_ExaminationId",
                table: "Allocations");

            migrationBuilder.DropTable(
                name: "CaleolExaminations");

            migrationBuilder.DropTable(
                name: "CiaYears");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_ExaminationId",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "QpvLocatedBy",
                table: "Residences");

            migrationBuilder.DropColumn(
                name: "ContourGeoJson",
                table: "Qpvs");

            migrationBuilder.DropColumn(
                name: "VacantSince",
                table: "Dwellings");

            migrationBuilder.DropColumn(
                name: "Answer",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "AnsweredOn",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaAnnualResources",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaAnnualResourcesPerUnit",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaConsumptionUnits",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaDwellingInQpv",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaFirstQuartile",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaFirstQuartileThreshold",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaPriorityPublic",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaQpvCode",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaUrbanRenewal",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "CiaYear",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "ExaminationId",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "IsUrbanRenewalRehousing",
                table: "Allocations");
        }
    }
}
