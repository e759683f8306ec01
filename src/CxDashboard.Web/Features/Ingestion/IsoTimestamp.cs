namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Reads the ISO 8601 forms of the import contract without the cost of format-string parsing (one timestamp per
/// row adds up over a million rows): yyyy-MM-dd, 'T' or a space, HH:mm, optional :ss and fraction (up to 7 digits),
/// then optionally Z or an offset ±HH:mm / ±HHmm / ±HH.
/// </summary>
public static class IsoTimestamp
{
    /// <param name="local">The wall-clock time as written.</param>
    /// <param name="offset">The offset written after it, or null when the text has none.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (text.Length < 16 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute)) return false;

        var position = 16;
        int second = 0;
        long fractionTicks = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (!Digits(text, position + 1, 2, out second)) return false;
            position += 3;
            if (position < text.Length && text[position] == '.')
            {
                position++;
                var digits = 0;
                long scale = TimeSpan.TicksPerSecond;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    if (++digits > 7) return false;
                    scale /= 10;
                    fractionTicks += (text[position] - '0') * scale;
                    position++;
                }
                if (digits == 0) return false;
            }
        }

        if (position < text.Length)
        {
            var sign = text[position];
            if (sign is 'Z' or 'z')
            {
                if (position + 1 != text.Length) return false;
                offset = TimeSpan.Zero;
            }
            else if (sign is '+' or '-')
            {
                var rest = text[(position + 1)..];
                int offsetHours, offsetMinutes = 0;
                var ok = rest.Length switch
                {
                    2 => Digits(rest, 0, 2, out offsetHours),
                    4 => Digits(rest, 0, 2, out offsetHours) && Digits(rest, 2, 2, out offsetMinutes),
                    5 => rest[2] == ':' & Digits(rest, 0, 2, out offsetHours) & Digits(rest, 3, 2, out offsetMinutes),
                    _ => (offsetHours = 0) != 0,
                };
                if (!ok || offsetHours > 14 || offsetMinutes > 59) return false;
                var magnitude = new TimeSpan(offsetHours, offsetMinutes, 0);
                offset = sign == '-' ? -magnitude : magnitude;
            }
            else
            {
                return false;
            }
        }

        // Years outside 1900–2999 are typing errors here, and keep the UTC conversion away from DateTime's limits.
        if (month is < 1 or > 12 || day < 1 || year is < 1900 or > 2999 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
