using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using ScottPlot;
using SkiaSharp;

namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// Makes the text of SVG charts cheap to write without changing a byte of it. Skia's SVG canvas, for every piece of
/// text, maps each glyph back to its character by walking the font's whole character map: for DejaVu Sans (about 6,000
/// glyphs) that is a quarter of a millisecond per tick label, most of a web chart's cost. A chart whose labels use only
/// common characters (Latin, punctuation, the symbols the app draws) is drawn with a copy of the same font whose
/// character map lists just those characters: glyphs, metrics and names are the font's own bytes, so every measurement,
/// position and word in the SVG stays the same. A label with any other character keeps the whole font.
/// </summary>
internal static class SvgTextFaces
{
    private static readonly (int First, int Last)[] CoveredRanges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x024F), // Latin-1 (å ä ö é ü, no-break space), Latin Extended-A and -B
        (0x0394, 0x0394), // Δ
        (0x03BC, 0x03BC), // μ
        (0x03C3, 0x03C3), // σ
        (0x2010, 0x2030), // Dashes, quotes, bullet, ellipsis, per mille
        (0x2039, 0x203A), // ‹ ›
        (0x20AC, 0x20AC), // €
        (0x2190, 0x2193), // ← ↑ → ↓
        (0x2212, 0x2212), // − (the minus of Swedish numbers)
        (0x2264, 0x2265), // ≤ ≥
        (0x25A0, 0x25A1), // ■ □
        (0x25B2, 0x25B2), // ▲
        (0x25BC, 0x25BC), // ▼
        (0x25CF, 0x25CF), // ●
    ];

    private static readonly bool[] Covered = CoveredCharacters();

    private sealed record Reduced(SKTypeface? Face);

    // Keyed by the typeface object: the fonts ScottPlot resolves are cached for the life of the process.
    private static readonly ConditionalWeakTable<SKTypeface, Reduced> ReducedFaces = new();

    /// <summary>
    /// Draws the plot's title, axis names, tick labels and legend labels with the reduced copy of their font where all
    /// their text is covered. Call after a layout pass (the tick labels are made then). Returns how many labels changed.
    /// </summary>
    public static int Apply(Plot plot)
    {
        var changed = 0;
        void Use(LabelStyle label, IEnumerable<string?> texts)
        {
            var face = label.Font ?? Fonts.GetTypeface(label.FontName, label.Bold, label.Italic);
            if (face is null || !texts.All(Covers)) return;
            if (ReducedFaces.GetValue(face, full => new Reduced(CreateReduced(full))).Face is not { } reduced) return;
            label.Font = reduced;
            changed++;
        }

        Use(plot.Axes.Title.Label, [plot.Axes.Title.Label.Text]);
        foreach (var axis in plot.Axes.GetAxes())
        {
            Use(axis.Label, [axis.Label.Text]);
            Use(axis.TickLabelStyle, axis.TickGenerator.Ticks.Select(tick => tick.Label));
        }
        // Legend items made anew on each render (not kept, see Charts.KeepLegendItems) would not keep a face given here.
        if (!plot.Legend.DisplayPlottableLegendItems)
        {
            foreach (var item in plot.Legend.GetItems())
                Use(item.LabelStyle, [item.LabelStyle.Text]);
        }
        return changed;
    }

    /// <summary>Whether every character of the text has a glyph in the reduced face (line breaks are not drawn).</summary>
    public static bool Covers(string? text)
    {
        foreach (var c in text ?? "")
            if (c != '\n' && !Covered[c]) return false;
        return true;
    }

    private static bool[] CoveredCharacters()
    {
        var covered = new bool[char.MaxValue + 1];
        foreach (var (first, last) in CoveredRanges)
            for (var c = first; c <= last; c++) covered[c] = true;
        return covered;
    }

    /// <summary>The font with a character map of the covered characters, or null when its file cannot be read.</summary>
    private static SKTypeface? CreateReduced(SKTypeface full)
    {
        byte[] data;
        using (var stream = full.OpenStream(out var collectionIndex))
        {
            if (stream is null || collectionIndex != 0 || !stream.HasLength) return null;
            data = new byte[stream.Length];
            if (stream.Read(data, data.Length) != data.Length) return null;
        }

        // Which glyph each character of the basic plane is; a glyph's character in the SVG is found from every character
        // that maps to it, so each glyph kept brings all its characters along, and the map reads the same for it.
        var codePoints = Enumerable.Range(0, char.MaxValue + 1).ToArray();
        var glyphs = new ushort[codePoints.Length];
        using (var font = new SKFont(full))
            font.GetGlyphs(codePoints, glyphs);
        var keptGlyphs = new HashSet<ushort>();
        for (var c = 0; c < glyphs.Length; c++)
            if (Covered[c] && glyphs[c] != 0) keptGlyphs.Add(glyphs[c]);
        var map = new List<(int CodePoint, ushort Glyph)>();
        for (var c = 0; c < glyphs.Length; c++)
            if (glyphs[c] != 0 && keptGlyphs.Contains(glyphs[c]) && c is < 0xD800 or > 0xDFFF) map.Add((c, glyphs[c]));

        var reduced = WithCharacterMap(data, CharacterMap(map));
        if (reduced is null) return null;
        var face = SKTypeface.FromData(SKData.CreateCopy(reduced));
        return face is not null && face.FamilyName == full.FamilyName && face.GlyphCount == full.GlyphCount ? face : null;
    }

    /// <summary>A 'cmap' table with one Windows Unicode (BMP) subtable of format 4 for the given characters, in order.</summary>
    private static byte[] CharacterMap(List<(int CodePoint, ushort Glyph)> map)
    {
        // One segment per run of consecutive characters, each reading its glyphs from the glyph array; then the closing 0xFFFF.
        var segments = new List<(int Start, int End, int FirstIndex)>();
        for (var i = 0; i < map.Count; i++)
        {
            if (segments.Count > 0 && segments[^1].End + 1 == map[i].CodePoint)
                segments[^1] = segments[^1] with { End = map[i].CodePoint };
            else
                segments.Add((map[i].CodePoint, map[i].CodePoint, i));
        }
        var segCount = segments.Count + 1;
        var subtableLength = 16 + 8 * segCount + 2 * map.Count;
        var table = new byte[4 + 8 + subtableLength];
        void U16(int offset, int value) => BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(offset), (ushort)value);

        U16(0, 0); // version
        U16(2, 1); // one encoding record
        U16(4, 3); // Windows
        U16(6, 1); // Unicode BMP
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(8), 12);
        var s = 12;
        var log = (int)Math.Floor(Math.Log2(segCount));
        U16(s, 4);
        U16(s + 2, subtableLength);
        U16(s + 4, 0);
        U16(s + 6, segCount * 2);
        U16(s + 8, 2 << log);
        U16(s + 10, log);
        U16(s + 12, segCount * 2 - (2 << log));
        var endCodes = s + 14;
        var startCodes = endCodes + 2 * segCount + 2;
        var deltas = startCodes + 2 * segCount;
        var rangeOffsets = deltas + 2 * segCount;
        var glyphArray = rangeOffsets + 2 * segCount;
        for (var i = 0; i < segments.Count; i++)
        {
            U16(endCodes + 2 * i, segments[i].End);
            U16(startCodes + 2 * i, segments[i].Start);
            U16(deltas + 2 * i, 0);
            // The offset from this idRangeOffset entry to the segment's first glyph in the glyph array, in bytes.
            U16(rangeOffsets + 2 * i, glyphArray + 2 * segments[i].FirstIndex - (rangeOffsets + 2 * i));
        }
        U16(endCodes + 2 * segments.Count, 0xFFFF);
        U16(startCodes + 2 * segments.Count, 0xFFFF);
        U16(deltas + 2 * segments.Count, 1);
        U16(rangeOffsets + 2 * segments.Count, 0);
        for (var i = 0; i < map.Count; i++)
            U16(glyphArray + 2 * i, map[i].Glyph);
        return table;
    }

    /// <summary>The font file with its 'cmap' table replaced, every other table byte for byte; null if it is no plain TrueType/OpenType file.</summary>
    private static byte[]? WithCharacterMap(byte[] font, byte[] cmap)
    {
        if (font.Length < 12 || font.AsSpan(0, 4).SequenceEqual("ttcf"u8)) return null;
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        if (font.Length < 12 + 16 * tableCount) return null;
        var tables = new List<(uint Tag, byte[] Data)>();
        var cmapTag = BinaryPrimitives.ReadUInt32BigEndian("cmap"u8);
        var hasCmap = false;
        for (var i = 0; i < tableCount; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            var tag = BinaryPrimitives.ReadUInt32BigEndian(record);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset + (long)length > font.Length) return null;
            hasCmap |= tag == cmapTag;
            tables.Add((tag, tag == cmapTag ? cmap : font.AsSpan((int)offset, (int)length).ToArray()));
        }
        if (!hasCmap) return null;

        var headerLength = 12 + 16 * tableCount;
        var result = new byte[headerLength + tables.Sum(t => (t.Data.Length + 3) & ~3)];
        font.AsSpan(0, 12).CopyTo(result);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, data) = tables[i];
            var record = result.AsSpan(12 + 16 * i);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(result, position);
            position += (data.Length + 3) & ~3;
        }
        return result;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++) word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            sum += word;
        }
        return sum;
    }
}
