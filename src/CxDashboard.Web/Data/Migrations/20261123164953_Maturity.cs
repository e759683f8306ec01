using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Maturity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaturityModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityModelVersions_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ModelVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityRounds_MaturityModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "MaturityModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CapabilityKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementActions_MaturityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MaturityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRaters",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LastSavedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRaters", x => new { x.RoundId, x.UserId });
                    table.ForeignKey(
                        name: "FK_MaturityRaters_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaturityRaters_MaturityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MaturityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRoundTargets",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    CapabilityKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRoundTargets", x => new { x.RoundId, x.CapabilityKey });
                    table.ForeignKey(
                        name: "FK_MaturityRoundTargets_MaturityRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MaturityRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CapabilityKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityComments_MaturityRaters_RoundId_RaterUserId",
                        columns: x => new { x.RoundId, x.RaterUserId },
                        principalTable: "MaturityRaters",
                        principalColumns: new[] { "RoundId", "UserId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterUserId = table.Column<string>(type: "TEXT", nullable: false),
                    StatementKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRatings", x => x.Id);
                    table.CheckConstraint("CK_MaturityRatings_Score", "Score IS NULL OR (Score >= 1 AND Score <= 5)");
                    table.ForeignKey(
                        name: "FK_MaturityRatings_MaturityRaters_RoundId_RaterUserId",
                        columns: x => new { x.RoundId, x.RaterUserId },
                        principalTable: "MaturityRaters",
                        principalColumns: new[] { "RoundId", "UserId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_CapabilityKey_Status",
                table: "ImprovementActions",
                columns: new[] { "CapabilityKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_OwnerUserId",
                table: "ImprovementActions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementActions_RoundId",
                table: "ImprovementActions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityComments_RoundId_RaterUserId_CapabilityKey",
                table: "MaturityComments",
                columns: new[] { "RoundId", "RaterUserId", "CapabilityKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityModelVersions_CreatedByUserId",
                table: "MaturityModelVersions",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityModelVersions_Version",
                table: "MaturityModelVersions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRaters_UserId",
                table: "MaturityRaters",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRatings_RoundId_RaterUserId_StatementKey",
                table: "MaturityRatings",
                columns: new[] { "RoundId", "RaterUserId", "StatementKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRounds_ModelVersionId",
                table: "MaturityRounds",
                column: "ModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRounds_Status_AssessedOn",
                table: "MaturityRounds",
                columns: new[] { "Status", "AssessedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImprovementActions");

            migrationBuilder.DropTable(
                name: "MaturityComments");

            migrationBuilder.DropTable(
                name: "MaturityRatings");

            migrationBuilder.DropTable(
                name: "MaturityRoundTargets");

            migrationBuilder.DropTable(
                name: "MaturityRaters");

            migrationBuilder.DropTable(
                name: "MaturityRounds");

            migrationBuilder.DropTable(
                name: "MaturityModelVersions");
        }
    }
}
