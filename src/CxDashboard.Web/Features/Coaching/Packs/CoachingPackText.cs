using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Coaching.Packs;

/// <summary>
/// The coaching pack's own words (PDF and workbook), keyed by their English text; Swedish in
/// <c>Resources/Features/Coaching/Packs/CoachingPackText.sv.resx</c>. KPI, status, channel and action-status names come
/// from the <see cref="Vocabulary"/>.
/// </summary>
public sealed class CoachingPackText
{
    private CoachingPackText()
    {
    }

    public static DocumentText For(DocumentLanguage language) => DocumentText.For<CoachingPackText>(language);
}
