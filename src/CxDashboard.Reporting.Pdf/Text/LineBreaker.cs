using System.Globalization;

namespace CxDashboard.Reporting.Pdf.Text;

/// <summary>One laid-out line: styled runs at x offsets, its height and where its baseline sits below its top.</summary>
internal sealed record TextLine(IReadOnlyList<TextRun> Runs, float Width, float Height, float Baseline);

/// <summary>Consecutive characters of one style on a line, spaces included so the PDF text extracts with its spaces.</summary>
internal sealed record TextRun(string Text, ResolvedTextStyle Style, float X, float Width);

/// <summary>
/// Greedy line breaking measured with the real font: lines break at spaces (never at non-breaking spaces, which
/// Swedish number formatting uses), explicit newlines always break, and a word wider than the line is broken
/// between characters.
/// </summary>
internal sealed class LineBreaker
{
    private readonly float maxWidth;
    private readonly FontSet fonts;
    private readonly ResolvedTextStyle baseStyle;
    private readonly List<TextLine> lines = [];
    private readonly List<Piece> line = [];
    private readonly List<Piece> pendingSpaces = [];
    private readonly List<Piece> word = [];
    private float lineWidth;

    private LineBreaker(float maxWidth, FontSet fonts, ResolvedTextStyle baseStyle)
    {
        this.maxWidth = maxWidth;
        this.fonts = fonts;
        this.baseStyle = baseStyle;
    }

    private readonly record struct Piece(string Text, ResolvedTextStyle Style, float Width);

    public static List<TextLine> Break(IEnumerable<(string Text, ResolvedTextStyle Style)> spans, float maxWidth, FontSet fonts, ResolvedTextStyle baseStyle)
    {
        var breaker = new LineBreaker(maxWidth, fonts, baseStyle);
        foreach (var (text, style) in spans)
            breaker.Add(text, style);

        breaker.PlaceWord();
        breaker.FinishLine(allowEmpty: false, baseStyle);
        return breaker.lines;
    }

    private void Add(string text, ResolvedTextStyle style)
    {
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (character == '\r')
            {
                index++;
            }
            else if (character == '\n')
            {
                PlaceWord();
                FinishLine(allowEmpty: true, style);
                index++;
            }
            else if (IsBreakingSpace(character))
            {
                PlaceWord();
                var end = index;
                while (end < text.Length && IsBreakingSpace(text[end]))
                    end++;

                // Spaces at the start of a line are dropped, as are those where a line breaks.
                if (line.Count > 0)
                    pendingSpaces.Add(Measure(new string(' ', end - index), style));
                index = end;
            }
            else
            {
                var end = index;
                while (end < text.Length && text[end] is not ('\n' or '\r') && !IsBreakingSpace(text[end]))
                    end++;

                // A word may continue in the next span (e.g. "(" + page number + ")"), so it is only placed at a break.
                word.Add(Measure(text[index..end], style));
                index = end;
            }
        }
    }

    private static bool IsBreakingSpace(char character) =>
        character is ' ' or '\t' || (char.IsWhiteSpace(character) && character is not ('\u00A0' or '\u202F' or '\u2007' or '\n' or '\r'));

    private void PlaceWord()
    {
        if (word.Count == 0)
            return;

        var wordWidth = word.Sum(piece => piece.Width);
        var spaceWidth = pendingSpaces.Sum(piece => piece.Width);
        if (line.Count > 0 && lineWidth + spaceWidth + wordWidth > maxWidth + Layout.SpacePlan.Epsilon)
            FinishLine(allowEmpty: false, baseStyle);

        if (line.Count == 0 && wordWidth > maxWidth + Layout.SpacePlan.Epsilon)
        {
            PlaceOverlongWord();
        }
        else
        {
            line.AddRange(pendingSpaces);
            line.AddRange(word);
            lineWidth += pendingSpaces.Sum(piece => piece.Width) + wordWidth;
        }

        pendingSpaces.Clear();
        word.Clear();
    }

    /// <summary>A word wider than a whole line is split between characters, as many per line as fit.</summary>
    private void PlaceOverlongWord()
    {
        foreach (var piece in word)
        {
            var rest = piece.Text;
            var font = fonts.Get(piece.Style);
            while (rest.Length > 0)
            {
                var count = font.BreakText(rest, maxWidth - lineWidth + Layout.SpacePlan.Epsilon, out _);
                count = StartOfTextElementAtOrBefore(rest, count);
                if (count == 0)
                {
                    if (line.Count > 0)
                    {
                        FinishLine(allowEmpty: false, baseStyle);
                        continue;
                    }

                    // Not even one character fits: place one anyway; Measure then reports the text as too wide.
                    count = StringInfo.GetNextTextElementLength(rest);
                }

                var part = Measure(rest[..count], piece.Style);
                line.Add(part);
                lineWidth += part.Width;
                rest = rest[count..];
                if (rest.Length > 0)
                    FinishLine(allowEmpty: false, baseStyle);
            }
        }
    }

    /// <summary>Never split a surrogate pair or a letter from its combining accent.</summary>
    private static int StartOfTextElementAtOrBefore(string text, int index)
    {
        if (index >= text.Length)
            return text.Length;

        var best = 0;
        foreach (var start in StringInfo.ParseCombiningCharacters(text))
        {
            if (start > index)
                break;
            best = start;
        }

        return best;
    }

    private Piece Measure(string text, ResolvedTextStyle style) =>
        new(text.Replace('\t', ' '), style, fonts.Get(style).MeasureText(text.Replace('\t', ' ')));

    private void FinishLine(bool allowEmpty, ResolvedTextStyle emptyLineStyle)
    {
        pendingSpaces.Clear();
        if (line.Count == 0 && !allowEmpty)
            return;

        var runs = new List<TextRun>();
        var x = 0f;
        foreach (var piece in line)
        {
            if (runs.Count > 0 && runs[^1].Style == piece.Style)
                runs[^1] = runs[^1] with { Text = runs[^1].Text + piece.Text, Width = runs[^1].Width + piece.Width };
            else
                runs.Add(new TextRun(piece.Text, piece.Style, x, piece.Width));
            x += piece.Width;
        }

        var styles = runs.Count == 0 ? [emptyLineStyle] : runs.Select(run => run.Style).Distinct().ToList();
        float height = 0, ascent = 0, descent = 0;
        foreach (var style in styles)
        {
            var metrics = fonts.Get(style).Metrics;
            var fontAscent = -metrics.Ascent;
            var natural = fontAscent + metrics.Descent + metrics.Leading;
            height = Math.Max(height, style.LineHeight is { } factor ? factor * style.FontSize : natural);
            ascent = Math.Max(ascent, fontAscent);
            descent = Math.Max(descent, metrics.Descent);
        }

        // Extra line height is shared above and below the glyphs, as CSS does.
        var baseline = (height - (ascent + descent)) / 2 + ascent;
        lines.Add(new TextLine(runs, lineWidth, height, baseline));
        line.Clear();
        lineWidth = 0;
    }
}
