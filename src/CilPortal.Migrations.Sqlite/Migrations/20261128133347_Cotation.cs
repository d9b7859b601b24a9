using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Situations",
                table: "Demands",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ScoringGrids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringGrids", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandScores",
                columns: table => new
                {
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Breakdown = table.Column<string>(type: "TEXT", nullable: false),
                    SimilarKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    SimilarCount = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandScores", x => x.DemandId);
                    table.ForeignKey(
                        name: "FK_DemandScores_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandScores_ScoringGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "ScoringGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoringCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Condition = table.Column<int>(type: "INTEGER", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPoints = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringCriteria_ScoringGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "ScoringGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoringGroupCaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaxPoints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringGroupCaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringGroupCaps_ScoringGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "ScoringGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandScores_GridId",
                table: "DemandScores",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandScores_SimilarKey_Total",
                table: "DemandScores",
                columns: new[] { "SimilarKey", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoringCriteria_GridId_Code",
                table: "ScoringCriteria",
                columns: new[] { "GridId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringGrids_Status_EffectiveFrom",
                table: "ScoringGrids",
                columns: new[] { "Status", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoringGrids_Version",
                table: "ScoringGrids",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringGroupCaps_GridId_Group",
                table: "ScoringGroupCaps",
                columns: new[] { "GridId", "Group" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemandScores");

            migrationBuilder.DropTable(
                name: "ScoringCriteria");

            migrationBuilder.DropTable(
                name: "ScoringGroupCaps");

            migrationBuilder.DropTable(
                name: "ScoringGrids");

            migrationBuilder.DropColumn(
                name: "Situations",
                table: "Demands");
        }
    }
}
