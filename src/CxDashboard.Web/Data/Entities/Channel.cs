namespace CxDashboard.Web.Data.Entities;

/// <summary>How the customer reached us. Stored as a small integer; written lower-case in files and APIs.</summary>
public enum Channel
{
    Phone = 1,
    Chat = 2,
    Email = 3,
    Messaging = 4,
    Social = 5,
    SelfService = 6,
}

public static class Channels
{
    public static readonly IReadOnlyList<Channel> All = Enum.GetValues<Channel>();

    public static string Code(this Channel channel) => channel switch
    {
        Channel.SelfService => "selfservice",
        _ => channel.ToString().ToLowerInvariant(),
    };

    /// <summary>The channel's name for people, in the current language (the vocabulary).</summary>
    public static string DisplayName(this Channel channel) => Features.Presentation.Vocabulary.Current.Channel(channel);

    // Codes computed once: imports parse a channel on every row.
    private static readonly (Channel Channel, string Code)[] Codes = [.. All.Select(c => (c, c.Code()))];

    public static bool TryParse(string? text, out Channel channel)
    {
        channel = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.AsSpan().Trim();
        foreach (var (candidate, code) in Codes)
        {
            if (trimmed.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }
        return false;
    }

    public static string AllCodes => string.Join(", ", All.Select(c => c.Code()));
}
