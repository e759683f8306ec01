using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Features.Reports.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CxDashboard.Tests.Reports;

/// <summary>A real SMTP server inside the test: every message it accepts, parsed back with MimeKit.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stop = new();

    public TestSmtpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        // An address starting with "bounce" is refused, as a real server refuses an unknown mailbox.
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => !to.User.StartsWith("bounce", StringComparison.Ordinal)));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public void Dispose() => stop.Cancel();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>The app mailing through the test's SMTP server (plain SMTP on loopback), with a public address for links.</summary>
public sealed class MailingAppFactory(int smtpPort) : CxAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:UseStartTls", "false");
        builder.UseSetting("Smtp:From", "CxDashboard <cx@reports.test>");
        builder.UseSetting("App:PublicBaseUrl", "https://cx.example.test");
    }
}

public sealed class ReportDeliveryTests(ReportDeliveryTests.Fixture fixture) : IClassFixture<ReportDeliveryTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestSmtpServer Smtp { get; } = new();
        public CxAppFactory App { get; private set; } = null!;
        public int T1 { get; private set; }

        public async Task InitializeAsync()
        {
            App = new MailingAppFactory(Smtp.Port);
            App.Clock.SetUtcNow(ReportDataset.JobTime);
            await ReportDataset.LoadAsync(App);
            T1 = await App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Teams.Where(t => t.Name == "T1").Select(t => t.Id).SingleAsync());
            await App.CreateUserAsync("leader@mail.test", Roles.Leadership);
            await App.CreateUserAsync("lead-t1@mail.test", Roles.Manager, T1);
            await App.CreateUserAsync("bounce@mail.test", Roles.Leadership);
            await App.CreateUserAsync("agent@mail.test", Roles.Agent);
            await App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<CxDbContext>();
                var subscriptions = sp.GetRequiredService<ReportSubscriptions>();
                foreach (var email in new[] { "leader@mail.test", "lead-t1@mail.test", "bounce@mail.test" })
                    Assert.True(await subscriptions.SubscribeAsync(db.Users.Single(u => u.Email == email).Id, "test"));
                // An agent may not read reports, so cannot be subscribed.
                Assert.False(await subscriptions.SubscribeAsync(db.Users.Single(u => u.Email == "agent@mail.test").Id, "test"));
            });
            // The monthly job as scheduled: writes the PDF, then mails it (at once here: no job server in this host).
            await App.WithScopeAsync(sp => sp.GetRequiredService<MonthlyReportJob>().RunAsync(null, null, CancellationToken.None));
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            Smtp.Dispose();
            return Task.CompletedTask;
        }
    }

    private MimeMessage MessageTo(string email) => Assert.Single(fixture.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == email));

    private static PdfText Attachment(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return PdfText.Read(content.ToArray());
    }

    [Fact]
    public void Each_subscriber_gets_the_month_as_a_PDF_with_a_link_to_the_web_version()
    {
        Assert.Equal(["lead-t1@mail.test", "leader@mail.test"], fixture.Smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(b => b.Address).Order());

        var leader = MessageTo("leader@mail.test");
        Assert.Equal("Kundupplevelse – mars 2026", leader.Subject);
        Assert.Equal("cx@reports.test", Assert.Single(leader.From.Mailboxes).Address);
        Assert.Contains("https://cx.example.test/Reports/Monthly?month=2026-03", leader.TextBody ?? "");
        Assert.Contains("Här är månadsrapporten ”Kundupplevelse – mars 2026”", leader.TextBody ?? "");
        var pdf = Attachment(leader);
        Assert.Equal("Kundupplevelse – mars 2026", pdf.Title);
        Assert.StartsWith("Kundupplevelse – mars 2026", pdf.Pages[0]);
        Assert.Contains("Teknisk felanmälan", pdf.All);
        Assert.Equal("cx-report-2026-03.pdf", Assert.Single(leader.Attachments).ContentDisposition!.FileName);
    }

    [Fact]
    public void A_team_limited_manager_receives_their_teams_version()
    {
        var message = MessageTo("lead-t1@mail.test");
        Assert.Equal("Kundupplevelse – mars 2026 – T1", message.Subject);
        var pdf = Attachment(message);
        Assert.Equal("Kundupplevelse – mars 2026 – T1", pdf.Title);
        Assert.DoesNotContain("Teknisk felanmälan", pdf.All);
        Assert.Contains("Fråga om faktura", pdf.All);
    }

    [Fact]
    public async Task Every_send_is_recorded_sent_or_failed_and_shown_in_the_report_library()
    {
        var deliveries = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<ReportSubscriptions>().DeliveriesAsync());
        Assert.Equal(ReportDeliveryStatus.Sent, deliveries.Single(d => d.Recipient == "leader@mail.test").Status);
        Assert.Equal($"teams:{fixture.T1}", deliveries.Single(d => d.Recipient == "lead-t1@mail.test").Scope);
        var bounced = deliveries.Single(d => d.Recipient == "bounce@mail.test");
        Assert.Equal(ReportDeliveryStatus.Failed, bounced.Status);
        Assert.False(string.IsNullOrWhiteSpace(bounced.Error));
        Assert.All(deliveries, d => Assert.Equal(new DateOnly(2026, 3, 1), d.Month));

        var admin = await fixture.App.SignedInClientAsync("admin@mail.test", Roles.Admin);
        var page = await Html.GetDocumentAsync(admin, "/Reports");
        var sends = page.QuerySelector("[data-testid=deliveries]")!.TextContent;
        Assert.Contains("leader@mail.test", sends);
        Assert.Contains("bounce@mail.test", sends);
        Assert.Contains("Failed", sends);
        Assert.Contains("Sent", sends);
    }

    [Fact]
    public async Task A_failed_send_throws_for_Hangfire_to_retry_and_a_sent_one_is_never_sent_twice()
    {
        var ids = await fixture.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            return (Bounced: await db.ReportDeliveries.Where(d => d.Recipient == "bounce@mail.test").Select(d => d.Id).SingleAsync(),
                    Sent: await db.ReportDeliveries.Where(d => d.Recipient == "leader@mail.test").Select(d => d.Id).SingleAsync());
        });
        var before = fixture.Smtp.Messages.Count;

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.App.WithScopeAsync(sp => sp.GetRequiredService<ReportDeliveryJob>().SendAsync(ids.Bounced, CancellationToken.None)));
        await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<ReportDeliveryJob>().SendAsync(ids.Sent, CancellationToken.None));

        Assert.Equal(before, fixture.Smtp.Messages.Count);
        var attempts = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().ReportDeliveries.Where(d => d.Id == ids.Bounced).Select(d => d.Attempts).SingleAsync());
        Assert.Equal(2, attempts);
        var retry = typeof(ReportDeliveryJob).GetMethod(nameof(ReportDeliveryJob.SendAsync))!.GetCustomAttributes(typeof(Hangfire.AutomaticRetryAttribute), false);
        Assert.True(((Hangfire.AutomaticRetryAttribute)Assert.Single(retry)).Attempts >= 1);
    }
}
