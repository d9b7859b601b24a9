using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommissionAuditRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PersonalDataPurgedOn",
                table: "Demands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", unicode: false, maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferringBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationCases_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseActions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CaseActions_CoordinationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CoordinationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_CommissionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommissionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_CoordinationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CoordinationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDocuments_CoordinationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CoordinationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseInvitations",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseInvitations", x => new { x.CaseId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CaseInvitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseInvitations_CoordinationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CoordinationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_At",
                table: "AuditEntries",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserName_At",
                table: "AuditEntries",
                columns: new[] { "UserName", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseActions_CaseId_DueOn",
                table: "CaseActions",
                columns: new[] { "CaseId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseActions_OwnerUserId",
                table: "CaseActions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_CaseId",
                table: "CaseDecisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_SessionId_CaseId",
                table: "CaseDecisions",
                columns: new[] { "SessionId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseDocuments_CaseId",
                table: "CaseDocuments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseInvitations_UserId",
                table: "CaseInvitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommissionSessions_HeldOn",
                table: "CommissionSessions",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationCases_DemandId",
                table: "CoordinationCases",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationCases_Status_OpenedOn",
                table: "CoordinationCases",
                columns: new[] { "Status", "OpenedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseActions");

            migrationBuilder.DropTable(
                name: "CaseDecisions");

            migrationBuilder.DropTable(
                name: "CaseDocuments");

            migrationBuilder.DropTable(
                name: "CaseInvitations");

            migrationBuilder.DropTable(
                name: "CommissionSessions");

            migrationBuilder.DropTable(
                name: "CoordinationCases");

            migrationBuilder.DropColumn(
                name: "PersonalDataPurgedOn",
                table: "Demands");
        }
    }
}
