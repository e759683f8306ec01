using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactTimelineIndexWithReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId_StartedAtUtc",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_StartedAtUtc_ReasonId",
                table: "Contacts",
                columns: new[] { "CustomerId", "StartedAtUtc", "ReasonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId_StartedAtUtc_ReasonId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_StartedAtUtc",
                table: "Contacts",
                columns: new[] { "CustomerId", "StartedAtUtc" });
        }
    }
}
