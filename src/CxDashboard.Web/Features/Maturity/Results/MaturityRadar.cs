using CxDashboard.Web.Features.Maturity.Model;
using CxDashboard.Web.Features.Presentation;
using ScottPlot;

namespace CxDashboard.Web.Features.Maturity.Results;

/// <summary>What a maturity radar draws: one axis per capability, and the shapes (target, previous round, this round).</summary>
public sealed record MaturityRadarData(IReadOnlyList<string> Axes, IReadOnlyList<RadarShape> Shapes, string Description);

/// <summary>
/// The maturity radar: this round's mean level per capability, the previous round's, and the target. Built on a
/// <see cref="Plot"/> so the page (SVG) and the monthly PDF (vectors) draw the same chart.
/// </summary>
public static class MaturityRadar
{
    public const string CurrentColor = Charts.Blue;
    public const string PreviousColor = Charts.Grey;
    public const string TargetColor = Charts.Orange;
    /// <summary>The target shape's name in English; in another language it is the vocabulary's <c>Radar.Target</c>.</summary>
    public const string TargetName = "Target";

    public static MaturityRadarData For(MaturityRoundResult result, string language)
    {
        // The request's vocabulary when the radar is in the reader's language, so its words are the page's.
        var words = language == LocalizedText.CurrentLanguage ? Vocabulary.Current : Vocabulary.For(language == "sv" ? "sv-SE" : "en-GB");
        var targetName = words["Radar.Target"];
        var capabilities = result.Capabilities;
        var shapes = new List<RadarShape>();
        if (capabilities.Any(c => c.Score.TargetLevel is not null))
            shapes.Add(new RadarShape(targetName, capabilities.Select(c => (double)(c.Score.TargetLevel ?? 0)).ToList(), TargetColor, Filled: false));
        if (result.Previous is { } previous && capabilities.Any(c => c.Score.PreviousMean is not null))
            shapes.Add(new RadarShape(previous.Name, capabilities.Select(c => c.Score.PreviousMean ?? 0).ToList(), PreviousColor, Filled: true));
        shapes.Add(new RadarShape(result.Round.Name, capabilities.Select(c => c.Score.Mean ?? 0).ToList(), CurrentColor, Filled: true));

        var parts = new List<string> { words.Format("Radar.Current", result.Round.Name) };
        if (shapes.Any(s => s.Name == result.Previous?.Name && s.ColorHex == PreviousColor)) parts.Add(words.Format("Radar.Previous", result.Previous!.Name));
        if (shapes.Any(s => s.ColorHex == TargetColor && !s.Filled)) parts.Add(words["Radar.TargetShape"]);
        var description = string.Join(", ", parts) + ".";
        if (result.RankedByGap.FirstOrDefault(c => c.Score.Gap > 0) is { } widest)
            description += words.Format("Radar.LargestGap", widest.Capability.Name.In(language), Display.Number(widest.Score.Gap));
        var unscored = capabilities.Where(c => c.Score.Mean is null).Select(c => c.Capability.Name.In(language)).ToList();
        if (unscored.Count > 0) description += words.Format("Radar.NotScored", string.Join(", ", unscored));
        return new MaturityRadarData(capabilities.Select(c => c.Capability.Name.In(language)).ToList(), shapes, description);
    }

    public static void Draw(Plot plot, MaturityRadarData data) =>
        Charts.DrawRadar(plot, data.Axes, data.Shapes, MaturityModelDefinition.LevelCount);

    public static string Svg(MaturityRoundResult result, string language, int width = 860, int height = 560)
    {
        var data = For(result, language);
        var plot = new Plot();
        Draw(plot, data);
        return Charts.ToSvg(plot, width, height, data.Description);
    }
}
