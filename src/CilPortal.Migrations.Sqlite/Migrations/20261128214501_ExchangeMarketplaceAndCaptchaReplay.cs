using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExchangeMarketplaceAndCaptchaReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExchangeMatchingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Candidates = table.Column<int>(type: "INTEGER", nullable: false),
                    CyclesFound = table.Column<int>(type: "INTEGER", nullable: false),
                    CyclesChosen = table.Column<int>(type: "INTEGER", nullable: false),
                    Objective = table.Column<double>(type: "REAL", nullable: false),
                    BestBound = table.Column<double>(type: "REAL", nullable: true),
                    Gap = table.Column<double>(type: "REAL", nullable: true),
                    ProposalsCreated = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeMatchingRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    BailleurId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusalReason = table.Column<int>(type: "INTEGER", nullable: false),
                    RefusalNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcceptsProposedChains = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExchangeMembers_Bailleurs_BailleurId",
                        column: x => x.BailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeMembers_Residences_ResidenceId",
                        column: x => x.ResidenceId,
                        principalTable: "Residences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedByMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Announced = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsedCaptchaChallenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Challenge = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedCaptchaChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeListings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Typology = table.Column<int>(type: "INTEGER", nullable: false),
                    Surface = table.Column<double>(type: "REAL", nullable: false),
                    Rent = table.Column<double>(type: "REAL", nullable: false),
                    Charges = table.Column<double>(type: "REAL", nullable: false),
                    Floor = table.Column<int>(type: "INTEGER", nullable: false),
                    HasLift = table.Column<bool>(type: "INTEGER", nullable: false),
                    Accessibility = table.Column<int>(type: "INTEGER", nullable: false),
                    HasOutdoorSpace = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasParking = table.Column<bool>(type: "INTEGER", nullable: false),
                    Heating = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    WantedCommunes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    WantedTypologies = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxRentWithCharges = table.Column<double>(type: "REAL", nullable: true),
                    MinSurface = table.Column<double>(type: "REAL", nullable: true),
                    MaxFloorWithoutLift = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredAccessibility = table.Column<int>(type: "INTEGER", nullable: false),
                    MustHaves = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ModerationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeListings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeListings_ExchangeMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ExchangeMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeMessages_ExchangeMembers_AuthorMemberId",
                        column: x => x.AuthorMemberId,
                        principalTable: "ExchangeMembers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExchangeMessages_ExchangeProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ExchangeProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeFavourites",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeFavourites", x => new { x.MemberId, x.ListingId });
                    table.ForeignKey(
                        name: "FK_ExchangeFavourites_ExchangeListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "ExchangeListings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExchangeFavourites_ExchangeMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ExchangeMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivingBailleurId = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Nur = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    SharesContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccupationCheck = table.Column<int>(type: "INTEGER", nullable: false),
                    AdaptationCheck = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrearsCheck = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CaleolDecision = table.Column<int>(type: "INTEGER", nullable: false),
                    CaleolDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_Bailleurs_ReceivingBailleurId",
                        column: x => x.ReceivingBailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_ExchangeListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "ExchangeListings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_ExchangeMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ExchangeMembers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExchangeParticipants_ExchangeProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "ExchangeProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ListingPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingPhotos_ExchangeListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "ExchangeListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ListingReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingReports_ExchangeListings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "ExchangeListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListingReports_ExchangeMembers_ReporterMemberId",
                        column: x => x.ReporterMemberId,
                        principalTable: "ExchangeMembers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeFavourites_ListingId",
                table: "ExchangeFavourites",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeListings_MemberId",
                table: "ExchangeListings",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeListings_Status_Typology",
                table: "ExchangeListings",
                columns: new[] { "Status", "Typology" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMatchingRuns_RanAt",
                table: "ExchangeMatchingRuns",
                column: "RanAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMembers_BailleurId_Status",
                table: "ExchangeMembers",
                columns: new[] { "BailleurId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMembers_Pseudonym",
                table: "ExchangeMembers",
                column: "Pseudonym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMembers_ResidenceId",
                table: "ExchangeMembers",
                column: "ResidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMembers_UserId",
                table: "ExchangeMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMessages_AuthorMemberId",
                table: "ExchangeMessages",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeMessages_ProposalId_SentAt",
                table: "ExchangeMessages",
                columns: new[] { "ProposalId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_ListingId",
                table: "ExchangeParticipants",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_MemberId_Answer",
                table: "ExchangeParticipants",
                columns: new[] { "MemberId", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_ProposalId_Position",
                table: "ExchangeParticipants",
                columns: new[] { "ProposalId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeParticipants_ReceivingBailleurId",
                table: "ExchangeParticipants",
                column: "ReceivingBailleurId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeProposals_Status_CreatedAt",
                table: "ExchangeProposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingPhotos_ListingId_Position",
                table: "ListingPhotos",
                columns: new[] { "ListingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingReports_ListingId_Status",
                table: "ListingReports",
                columns: new[] { "ListingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingReports_ReporterMemberId",
                table: "ListingReports",
                column: "ReporterMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_UsedCaptchaChallenges_Challenge",
                table: "UsedCaptchaChallenges",
                column: "Challenge",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsedCaptchaChallenges_ExpiresAt",
                table: "UsedCaptchaChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeFavourites");

            migrationBuilder.DropTable(
                name: "ExchangeMatchingRuns");

            migrationBuilder.DropTable(
                name: "ExchangeMessages");

            migrationBuilder.DropTable(
                name: "ExchangeParticipants");

            migrationBuilder.DropTable(
                name: "ListingPhotos");

            migrationBuilder.DropTable(
                name: "ListingReports");

            migrationBuilder.DropTable(
                name: "UsedCaptchaChallenges");

            migrationBuilder.DropTable(
                name: "ExchangeProposals");

            migrationBuilder.DropTable(
                name: "ExchangeListings");

            migrationBuilder.DropTable(
                name: "ExchangeMembers");
        }
    }
}
