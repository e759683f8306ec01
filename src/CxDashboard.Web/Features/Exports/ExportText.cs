using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Exports;

/// <summary>
/// The words of the workbooks and exports people read (sheet names, headers, About notes, totals), keyed by their
/// English text; Swedish in <c>Resources/Features/Exports/ExportText.sv.resx</c>. KPI, channel, status and outcome
/// names come from the <see cref="Vocabulary"/>; codes meant for re-import (channel codes, reason codes, JSON fields)
/// are not words and stay as they are.
/// </summary>
public sealed class ExportText
{
    private ExportText()
    {
    }

    public static DocumentText For(DocumentLanguage language) => DocumentText.For<ExportText>(language);
}
