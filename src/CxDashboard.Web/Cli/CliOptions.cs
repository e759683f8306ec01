using System.CommandLine;
using System.Globalization;

namespace CxDashboard.Web.Cli;

/// <summary>Option builders and parsers shared by the verbs.</summary>
public static class CliOptions
{
    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(" or ", allowed)}", DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static Option<DateOnly> RequiredDate(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => ParseDate(result.Tokens.Single().Value, name, result),
    };

    public static Option<DateTime?> OptionalTime(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
                return value.UtcDateTime;
            result.AddError($"{name}: '{text}' is not a time (use ISO 8601, e.g. 2026-03-31T23:59:59+02:00)");
            return null;
        },
    };

    private static DateOnly ParseDate(string text, string name, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        result.AddError($"{name}: '{text}' is not a date (use YYYY-MM-DD)");
        return default;
    }
}
