using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CxDashboard.Web.Features.Reports.Delivery;

/// <summary>A report e-mail: to whom, subject, plain-text body and the attached PDF.</summary>
public sealed record ReportMail(string To, string? ToName, string Subject, string Body, string AttachmentName, byte[] Attachment);

/// <summary>Sends report e-mails over SMTP with MailKit, one connection per e-mail (a month's sends are few).</summary>
public sealed class ReportMailer(SmtpOptions options)
{
    public async Task SendAsync(ReportMail mail, CancellationToken ct)
    {
        if (!options.IsConfigured)
            throw new InvalidOperationException("No SMTP server is set (Smtp:Host and Smtp:From), so the report cannot be mailed.");

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Body };
        body.Attachments.Add(mail.AttachmentName, mail.Attachment, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(options.User))
            await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
