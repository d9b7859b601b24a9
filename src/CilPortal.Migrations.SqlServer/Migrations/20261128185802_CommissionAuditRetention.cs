using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CilPortal.Migrations.SqlServer.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "varchar(50)", unicode: false, maxLength: 50, nullable: false),
                    SubjectType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SubjectId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    After = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    IpAddress = table.Column<string>(type: "varchar(45)", unicode: false, maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DemandId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<int>(type: "int", nullable: false),
                    ReferringBody = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SessionId = table.Column<int>(type: "int", nullable: false),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    InvitedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
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
