using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactsWithoutReasonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_ReasonId",
                table: "Contacts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReasonId",
                table: "Contacts",
                column: "ReasonId");
        }
    }
}
