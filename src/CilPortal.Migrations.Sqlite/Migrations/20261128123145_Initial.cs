using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bailleurs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Siren = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bailleurs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Epcis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Siren = table.Column<string>(type: "TEXT", unicode: false, maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Epcis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncomeCeilingScales",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Financing = table.Column<int>(type: "INTEGER", nullable: false),
                    Zone = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category1 = table.Column<double>(type: "REAL", nullable: false),
                    Category2 = table.Column<double>(type: "REAL", nullable: false),
                    Category3 = table.Column<double>(type: "REAL", nullable: false),
                    Category4 = table.Column<double>(type: "REAL", nullable: false),
                    Category5 = table.Column<double>(type: "REAL", nullable: false),
                    Category6 = table.Column<double>(type: "REAL", nullable: false),
                    PerExtraPerson = table.Column<double>(type: "REAL", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeCeilingScales", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    InseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IncomeCeilingZone = table.Column<int>(type: "INTEGER", nullable: false),
                    EpciId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.InseeCode);
                    table.ForeignKey(
                        name: "FK_Communes_Epcis_EpciId",
                        column: x => x.EpciId,
                        principalTable: "Epcis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Qpvs",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    MedianIncomePerUnit = table.Column<double>(type: "REAL", nullable: true),
                    FirstDecileIncomePerUnit = table.Column<double>(type: "REAL", nullable: true),
                    NinthDecileIncomePerUnit = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qpvs", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Qpvs_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Services = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    IsWheelchairAccessible = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessibilityDetails = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionPoints_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reservataires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    BailleurId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reservataires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reservataires_Bailleurs_BailleurId",
                        column: x => x.BailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reservataires_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SectorCommune",
                columns: table => new
                {
                    SectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectorCommune", x => new { x.SectorId, x.CommuneInseeCode });
                    table.ForeignKey(
                        name: "FK_SectorCommune_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SectorCommune_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Residences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BailleurId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    QpvCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    ConstructionYear = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Residences_Bailleurs_BailleurId",
                        column: x => x.BailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Residences_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Residences_Qpvs_QpvCode",
                        column: x => x.QpvCode,
                        principalTable: "Qpvs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SectorQpv",
                columns: table => new
                {
                    SectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    QpvCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectorQpv", x => new { x.SectorId, x.QpvCode });
                    table.ForeignKey(
                        name: "FK_SectorQpv_Qpvs_QpvCode",
                        column: x => x.QpvCode,
                        principalTable: "Qpvs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SectorQpv_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Demands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nur = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 18, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastRenewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RadiationReason = table.Column<int>(type: "INTEGER", nullable: true),
                    StruckOffOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsPriorityPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDaloRecognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    CurrentHousing = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentHousingCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: true),
                    ReferenceIncomeN1 = table.Column<double>(type: "REAL", nullable: true),
                    ReferenceIncomeN2 = table.Column<double>(type: "REAL", nullable: true),
                    CurrentOccupants = table.Column<int>(type: "INTEGER", nullable: true),
                    CurrentRent = table.Column<double>(type: "REAL", nullable: true),
                    CurrentSurface = table.Column<double>(type: "REAL", nullable: true),
                    CurrentCommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: true),
                    WishedTypologies = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxRent = table.Column<double>(type: "REAL", nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    ReceptionPointId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccessCodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    AccessCodeIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsFictional = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Demands_ReceptionPoints_ReceptionPointId",
                        column: x => x.ReceptionPointId,
                        principalTable: "ReceptionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OpeningSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceptionPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningSlots_ReceptionPoints_ReceptionPointId",
                        column: x => x.ReceptionPointId,
                        principalTable: "ReceptionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceptionPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionClosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionClosures_ReceptionPoints_ReceptionPointId",
                        column: x => x.ReceptionPointId,
                        principalTable: "ReceptionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Dwellings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Typology = table.Column<int>(type: "INTEGER", nullable: false),
                    Surface = table.Column<double>(type: "REAL", nullable: false),
                    Rent = table.Column<double>(type: "REAL", nullable: false),
                    Charges = table.Column<double>(type: "REAL", nullable: false),
                    Floor = table.Column<int>(type: "INTEGER", nullable: false),
                    HasLift = table.Column<bool>(type: "INTEGER", nullable: false),
                    Accessibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Financing = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dwellings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dwellings_Residences_ResidenceId",
                        column: x => x.ResidenceId,
                        principalTable: "Residences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    BailleurId = table.Column<int>(type: "INTEGER", nullable: true),
                    LinkedDemandId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemoAccount = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Bailleurs_BailleurId",
                        column: x => x.BailleurId,
                        principalTable: "Bailleurs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Demands_LinkedDemandId",
                        column: x => x.LinkedDemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DemandWishedCommune",
                columns: table => new
                {
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneInseeCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandWishedCommune", x => new { x.DemandId, x.CommuneInseeCode });
                    table.ForeignKey(
                        name: "FK_DemandWishedCommune_Communes_CommuneInseeCode",
                        column: x => x.CommuneInseeCode,
                        principalTable: "Communes",
                        principalColumn: "InseeCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandWishedCommune_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Link = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Allocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DwellingId = table.Column<int>(type: "INTEGER", nullable: false),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservataireId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaleolDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeaseSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocations_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_Dwellings_DwellingId",
                        column: x => x.DwellingId,
                        principalTable: "Dwellings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_Reservataires_ReservataireId",
                        column: x => x.ReservataireId,
                        principalTable: "Reservataires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DemandLinkChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandLinkChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandLinkChallenges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandLinkChallenges_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DemandResources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    MonthlyAmount = table.Column<double>(type: "REAL", nullable: false),
                    IsPaidOut = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandResources_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DemandResources_HouseholdMembers_HouseholdMemberId",
                        column: x => x.HouseholdMemberId,
                        principalTable: "HouseholdMembers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DemandEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AllocationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandEvents_Allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "Allocations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DemandEvents_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_DemandId",
                table: "Allocations",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_DwellingId",
                table: "Allocations",
                column: "DwellingId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_LeaseSignedOn",
                table: "Allocations",
                column: "LeaseSignedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_ReservataireId",
                table: "Allocations",
                column: "ReservataireId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BailleurId",
                table: "AspNetUsers",
                column: "BailleurId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LinkedDemandId",
                table: "AspNetUsers",
                column: "LinkedDemandId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bailleurs_Name",
                table: "Bailleurs",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communes_EpciId",
                table: "Communes",
                column: "EpciId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandEvents_AllocationId",
                table: "DemandEvents",
                column: "AllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandEvents_DemandId_OccurredOn",
                table: "DemandEvents",
                columns: new[] { "DemandId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandLinkChallenges_DemandId",
                table: "DemandLinkChallenges",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandLinkChallenges_UserId_ExpiresAt",
                table: "DemandLinkChallenges",
                columns: new[] { "UserId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandResources_DemandId",
                table: "DemandResources",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandResources_HouseholdMemberId",
                table: "DemandResources",
                column: "HouseholdMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Nur",
                table: "Demands",
                column: "Nur",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Demands_ReceptionPointId",
                table: "Demands",
                column: "ReceptionPointId");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_Status_ExpiresOn",
                table: "Demands",
                columns: new[] { "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandWishedCommune_CommuneInseeCode",
                table: "DemandWishedCommune",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_Dwellings_ResidenceId_Reference",
                table: "Dwellings",
                columns: new[] { "ResidenceId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Epcis_Siren",
                table: "Epcis",
                column: "Siren",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_DemandId",
                table: "HouseholdMembers",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_IncomeCeilingScales_Financing_Zone_EffectiveFrom",
                table: "IncomeCeilingScales",
                columns: new[] { "Financing", "Zone", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpeningSlots_ReceptionPointId_Day",
                table: "OpeningSlots",
                columns: new[] { "ReceptionPointId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Qpvs_CommuneInseeCode",
                table: "Qpvs",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionClosures_ReceptionPointId_To",
                table: "ReceptionClosures",
                columns: new[] { "ReceptionPointId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionPoints_CommuneInseeCode",
                table: "ReceptionPoints",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_Reservataires_BailleurId",
                table: "Reservataires",
                column: "BailleurId");

            migrationBuilder.CreateIndex(
                name: "IX_Reservataires_CommuneInseeCode",
                table: "Reservataires",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_Reservataires_Name",
                table: "Reservataires",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residences_BailleurId",
                table: "Residences",
                column: "BailleurId");

            migrationBuilder.CreateIndex(
                name: "IX_Residences_CommuneInseeCode",
                table: "Residences",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_Residences_QpvCode",
                table: "Residences",
                column: "QpvCode");

            migrationBuilder.CreateIndex(
                name: "IX_SectorCommune_CommuneInseeCode",
                table: "SectorCommune",
                column: "CommuneInseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_SectorQpv_QpvCode",
                table: "SectorQpv",
                column: "QpvCode");

            migrationBuilder.CreateIndex(
                name: "IX_Sectors_Name",
                table: "Sectors",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "DemandEvents");

            migrationBuilder.DropTable(
                name: "DemandLinkChallenges");

            migrationBuilder.DropTable(
                name: "DemandResources");

            migrationBuilder.DropTable(
                name: "DemandWishedCommune");

            migrationBuilder.DropTable(
                name: "IncomeCeilingScales");

            migrationBuilder.DropTable(
                name: "OpeningSlots");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ReceptionClosures");

            migrationBuilder.DropTable(
                name: "SectorCommune");

            migrationBuilder.DropTable(
                name: "SectorQpv");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Allocations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "Sectors");

            migrationBuilder.DropTable(
                name: "Dwellings");

            migrationBuilder.DropTable(
                name: "Reservataires");

            migrationBuilder.DropTable(
                name: "Demands");

            migrationBuilder.DropTable(
                name: "Residences");

            migrationBuilder.DropTable(
                name: "ReceptionPoints");

            migrationBuilder.DropTable(
                name: "Bailleurs");

            migrationBuilder.DropTable(
                name: "Qpvs");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "Epcis");
        }
    }
}
