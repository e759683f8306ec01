namespace CxDashboard.DemoData;

/// <summary>
/// Picks a survey comment by language and sentiment. Comments written for the contact's reason,
/// channel or bot escalation fit better than general ones, so they weigh more where they apply.
/// </summary>
internal sealed class CommentBank(DemoOrganisation organisation)
{
    private const int SpecificCommentWeight = 3;

    private readonly Dictionary<(bool English, Sentiment Sentiment, int Reason, int Channel, bool Escalated), string[]> candidatesByContext = [];

    public static Sentiment SentimentOf(int csat) => csat switch
    {
        >= 4 => Sentiment.Positive,
        3 => Sentiment.Neutral,
        _ => Sentiment.Negative,
    };

    public string Pick(bool english, Sentiment sentiment, int reasonIndex, int channelIndex, bool escalatedFromBot, DeterministicRandom random)
    {
        var key = (english, sentiment, reasonIndex, channelIndex, escalatedFromBot);
        if (!candidatesByContext.TryGetValue(key, out var candidates))
        {
            candidates = Candidates(key.english, sentiment, reasonIndex, channelIndex, escalatedFromBot);
            candidatesByContext[key] = candidates;
        }

        return random.Pick(candidates);
    }

    private string[] Candidates(bool english, Sentiment sentiment, int reasonIndex, int channelIndex, bool escalatedFromBot)
    {
        var language = english ? "en" : "sv";
        var reason = organisation.Reasons[reasonIndex].Code;
        var channel = organisation.Channels[channelIndex].Code;
        var candidates = new List<string>();
        foreach (var comment in organisation.Comments.Where(c => c.Language == language && c.Sentiment == sentiment))
        {
            if (comment.IsGeneric)
            {
                candidates.Add(comment.Text);
            }
            else if (Fits(comment, reason, channel, escalatedFromBot))
            {
                candidates.AddRange(Enumerable.Repeat(comment.Text, SpecificCommentWeight));
            }
        }

        return [.. candidates];
    }

    private static bool Fits(CommentTemplate comment, string reason, string channel, bool escalatedFromBot) =>
        (comment.Reasons is null or { Count: 0 } || comment.Reasons.Contains(reason))
        && (comment.Channels is null or { Count: 0 } || comment.Channels.Contains(channel))
        && (!comment.EscalatedFromBot || escalatedFromBot);
}
