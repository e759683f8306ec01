namespace CxDashboard.Web.Features.Reports.Delivery;

/// <summary>
/// The report e-mail's words, in the organisation's language (Swedish, as the report), each a whole sentence with
/// its placeholders so the localisation can move them.
/// </summary>
public static class ReportMailText
{
    /// <summary>{0} the report's title (which names the teams of a team report).</summary>
    public const string Subject = "{0}";

    /// <summary>{0} the reader's name, {1} the title, {2} the organisation.</summary>
    public const string Greeting = "Hej {0}!";

    public const string Attached = "Här är månadsrapporten ”{0}” för {1}. Rapporten finns bifogad som PDF.";

    /// <summary>{0} the web version's address.</summary>
    public const string WebVersion = "Webbversionen, med dagens siffror och för skärmläsare och mobil: {0}";

    public const string WebVersionWithoutLink = "Webbversionen finns under Rapporter i CxDashboard.";

    public const string WhySent = "Du får rapporten eftersom du prenumererar på den. Prenumerationen avslutas under Rapporter i CxDashboard.";

    public const string Signature = "CxDashboard";
}
