using System.CommandLine;
using CxDashboard.Web.Features.Metrics;

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
            try
            {
                return PeriodRule.ParseTime(result.Tokens.Single().Value, name);
            }
            catch (PeriodException e)
            {
                result.AddError(e.Message);
                return null;
            }
        },
    };

    /// <summary>A date by <see cref="PeriodRule"/> (YYYY-MM-DD within its bounds); otherwise a usage error (exit 2).</summary>
    private static DateOnly ParseDate(string text, string name, System.CommandLine.Parsing.ArgumentResult result)
    {
        try
        {
            return PeriodRule.ParseDate(text, name);
        }
        catch (PeriodException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }
}
