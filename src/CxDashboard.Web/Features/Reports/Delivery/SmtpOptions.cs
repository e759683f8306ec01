namespace CxDashboard.Web.Features.Reports.Delivery;

/// <summary>
/// The SMTP server reports are mailed through (<c>Smtp:*</c>). Without a host nothing is mailed: subscriptions wait and
/// each planned send is recorded as failed with the reason, so the Reports page shows why.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (required when true); false for a local test server on plain SMTP.</summary>
    public bool UseStartTls { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. "CxDashboard &lt;cx@example.com&gt;".</summary>
    public string? From { get; set; }

    public static SmtpOptions Read(IConfiguration configuration) => configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
