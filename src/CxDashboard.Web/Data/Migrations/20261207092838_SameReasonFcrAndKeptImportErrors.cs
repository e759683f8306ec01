using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SameReasonFcrAndKeptImportErrors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SameReasonNotFollowed",
                table: "KpiRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "NextSameReasonGapTicks",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            // Existing contacts get their gap to the customer's next contact with the same reason (start times are
            // stored as ticks); the rollups are rebuilt at the next start (their format version changed).
            migrationBuilder.Sql("""
                UPDATE "Contacts" SET "NextSameReasonGapTicks" =
                    (SELECT MIN(n."StartedAtUtc") FROM "Contacts" n
                     WHERE n."CustomerId" = "Contacts"."CustomerId" AND n."ReasonId" = "Contacts"."ReasonId" AND n."StartedAtUtc" > "Contacts"."StartedAtUtc")
                    - "StartedAtUtc"
                """);

            migrationBuilder.CreateTable(
                name: "ImportRunErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunFileId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRunErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRunErrors_ImportRunFiles_ImportRunFileId",
                        column: x => x.ImportRunFileId,
                        principalTable: "ImportRunFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRunErrors_ImportRunFileId_Line",
                table: "ImportRunErrors",
                columns: new[] { "ImportRunFileId", "Line" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRunErrors");

            migrationBuilder.DropColumn(
                name: "SameReasonNotFollowed",
                table: "KpiRollups");

            migrationBuilder.DropColumn(
                name: "NextSameReasonGapTicks",
                table: "Contacts");
        }
    }
}
