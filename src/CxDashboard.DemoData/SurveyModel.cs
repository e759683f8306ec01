namespace CxDashboard.DemoData;

/// <summary>What the survey knows about the contact it rates, including what happened after it.</summary>
internal readonly record struct RatedContact(
    int ReasonIndex,
    int ChannelIndex,
    AgentProfile? Agent,
    bool Resolved,
    bool FollowedByRepeat,
    bool EscalatedFromBot,
    bool CustomerWritesInEnglish);

/// <param name="Resolved">The customer's answer to "was it resolved?", null when skipped.</param>
/// <param name="Comment">Empty when the customer wrote nothing.</param>
internal readonly record struct SurveyAnswer(int Csat, bool? Resolved, int? Nps, string Comment);

/// <summary>A customer's survey answer, driven by how the contact really went.</summary>
internal sealed class SurveyModel(DemoOrganisation organisation)
{
    private readonly SurveyBehaviour settings = organisation.Survey;
    private readonly CommentBank comments = new(organisation);

    public SurveyAnswer Answer(in RatedContact contact, DeterministicRandom random)
    {
        var reason = organisation.Reasons[contact.ReasonIndex];
        var latentScore = settings.CsatBase
            + (contact.Agent?.CsatShift ?? 0)
            - (settings.ReasonDissatisfactionWeight * reason.DissatisfactionPropensity)
            - (contact.Resolved ? 0 : settings.UnresolvedCsatPenalty)
            - (contact.FollowedByRepeat ? settings.RepeatCsatPenalty : 0)
            - (contact.EscalatedFromBot ? settings.BotEscalationCsatPenalty : 0)
            + (settings.CsatNoise * random.NextGaussian());
        var csat = Math.Clamp((int)Math.Round(latentScore), 1, 5);

        bool? saysResolved = null;
        if (random.Chance(settings.ResolvedAnsweredShare))
        {
            // A customer who had to come back rarely calls the first contact resolved, whatever the agent believed.
            var reallyResolved = contact.Resolved && !contact.FollowedByRepeat;
            saysResolved = random.Chance(settings.ResolvedAnswerAccuracy) ? reallyResolved : !reallyResolved;
        }

        int? nps = random.Chance(settings.NpsAnsweredShare)
            ? Math.Clamp((int)Math.Round((csat * 2.2) - 1 + (1.3 * random.NextGaussian())), 0, 10)
            : null;

        var comment = random.Chance(settings.CommentShare)
            ? comments.Pick(contact.CustomerWritesInEnglish, CommentBank.SentimentOf(csat), contact.ReasonIndex,
                contact.ChannelIndex, contact.EscalatedFromBot, random)
            : "";

        return new SurveyAnswer(csat, saysResolved, nps, comment);
    }

    /// <summary>Time from the end of the contact to the answer: mostly within hours, at most the configured maximum.</summary>
    public TimeSpan ReceivedDelay(DeterministicRandom random)
    {
        var delay = settings.ReceivedDelay;
        var minutes = delay.Min + random.NextExponential(delay.Typical - delay.Min);
        if (minutes > delay.Max)
        {
            // The exponential tail would pile up at the cap; late answers spread over the whole window instead.
            minutes = delay.Min + (random.NextDouble() * (delay.Max - delay.Min));
        }

        return TimeSpan.FromSeconds(Math.Round(minutes * 60));
    }
}
