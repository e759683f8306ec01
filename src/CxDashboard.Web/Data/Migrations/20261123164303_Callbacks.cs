using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Callbacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallbackCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstTriggeredAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstAttemptAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    AttemptCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    RootCauseReasonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackCases", x => x.Id);
                    table.CheckConstraint("CK_CallbackCases_ClosedHasOutcome", "\"Status\" <> 2 OR (\"Outcome\" IS NOT NULL AND \"RootCauseReasonId\" IS NOT NULL AND \"ClosedAtUtc\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_CallbackCases_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackCases_AspNetUsers_ClosedByUserId",
                        column: x => x.ClosedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackCases_ContactReasons_RootCauseReasonId",
                        column: x => x.RootCauseReasonId,
                        principalTable: "ContactReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackCases_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackCases_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CallbackFlaggingStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRunAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRunSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackFlaggingStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallbackHolidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackHolidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CallbackSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LowCsatEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LowCsatMax = table.Column<int>(type: "INTEGER", nullable: false),
                    NotResolvedEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotResolvedCsatMax = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatContactsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatContacts = table.Column<int>(type: "INTEGER", nullable: false),
                    RepeatWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SlaWorkingHours = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTriggerAgeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreachableAfterAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallbackWorkingDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosesMinute = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackWorkingDays", x => x.Day);
                    table.CheckConstraint("CK_CallbackWorkingDays_Hours", "\"OpensMinute\" >= 0 AND \"ClosesMinute\" <= 1440 AND \"OpensMinute\" < \"ClosesMinute\"");
                });

            migrationBuilder.CreateTable(
                name: "CallbackAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AttemptedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackAttempts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackAttempts_CallbackCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CallbackCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallbackCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackCaseEvents_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackCaseEvents_CallbackCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CallbackCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallbackTriggers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    TriggeredAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SurveyResponseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Csat = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactsInWindow = table.Column<int>(type: "INTEGER", nullable: true),
                    AddedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackTriggers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallbackTriggers_CallbackCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CallbackCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallbackTriggers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CallbackTriggers_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackAttempts_CaseId_AttemptedAtUtc",
                table: "CallbackAttempts",
                columns: new[] { "CaseId", "AttemptedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackAttempts_UserId",
                table: "CallbackAttempts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCaseEvents_CaseId_AtUtc",
                table: "CallbackCaseEvents",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCaseEvents_UserId",
                table: "CallbackCaseEvents",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_AssignedToUserId_Status",
                table: "CallbackCases",
                columns: new[] { "AssignedToUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_ClosedAtUtc",
                table: "CallbackCases",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_ClosedByUserId",
                table: "CallbackCases",
                column: "ClosedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_CustomerId_ClosedAtUtc",
                table: "CallbackCases",
                columns: new[] { "CustomerId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_DueAtUtc",
                table: "CallbackCases",
                column: "DueAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_FirstTriggeredAtUtc",
                table: "CallbackCases",
                column: "FirstTriggeredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_OpenCustomer",
                table: "CallbackCases",
                column: "CustomerId",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_RootCauseReasonId",
                table: "CallbackCases",
                column: "RootCauseReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_Status_Priority_DueAtUtc",
                table: "CallbackCases",
                columns: new[] { "Status", "Priority", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackCases_TeamId",
                table: "CallbackCases",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackTriggers_CaseId_TriggeredAtUtc",
                table: "CallbackTriggers",
                columns: new[] { "CaseId", "TriggeredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CallbackTriggers_RepeatContact",
                table: "CallbackTriggers",
                column: "ContactId",
                unique: true,
                filter: "\"Rule\" = 3");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackTriggers_SurveyResponseId",
                table: "CallbackTriggers",
                column: "SurveyResponseId",
                unique: true,
                filter: "\"SurveyResponseId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallbackAttempts");

            migrationBuilder.DropTable(
                name: "CallbackCaseEvents");

            migrationBuilder.DropTable(
                name: "CallbackFlaggingStates");

            migrationBuilder.DropTable(
                name: "CallbackHolidays");

            migrationBuilder.DropTable(
                name: "CallbackSettings");

            migrationBuilder.DropTable(
                name: "CallbackTriggers");

            migrationBuilder.DropTable(
                name: "CallbackWorkingDays");

            migrationBuilder.DropTable(
                name: "CallbackCases");
        }
    }
}
