using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Surveys;

/// <summary>
/// The words of the public survey and pulse pages in Swedish (the default) and English, in the respondent's language
/// (chosen by the link and its language switch, not by the staff language settings).
/// </summary>
public sealed record SurveyText
{
    public required string Language { get; init; }
    public required string OtherLanguage { get; init; }
    public required string SwitchLanguage { get; init; }
    public required string Culture { get; init; }

    // The post-contact survey
    public required string SurveyTitle { get; init; }
    public required Func<string, string, string, string> AboutContact { get; init; }
    public required string AboutFollowUp { get; init; }
    public required string CsatQuestion { get; init; }
    public required string FollowUpCsatQuestion { get; init; }
    public required IReadOnlyList<string> CsatLabels { get; init; }
    public required string ResolvedQuestion { get; init; }
    public required string FollowUpResolvedQuestion { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string NpsQuestion { get; init; }
    public required string NpsHint { get; init; }
    public required string CommentLabel { get; init; }
    public required string CommentHint { get; init; }
    public required string Optional { get; init; }
    public required string Required { get; init; }
    public required string Send { get; init; }
    public required string ErrorSummary { get; init; }
    public required string CsatMissing { get; init; }
    public required string ResolvedMissing { get; init; }
    public required string NpsOutOfRange { get; init; }
    public required string CommentTooLong { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksBody { get; init; }
    public required string AnsweredTitle { get; init; }
    public required string AnsweredBody { get; init; }
    public required string ExpiredTitle { get; init; }
    public required Func<string, string> ExpiredBody { get; init; }
    public required string UnknownTitle { get; init; }
    public required string UnknownBody { get; init; }
    public required string PrivacyNote { get; init; }

    // The engagement pulse
    public required Func<string, string, string> PulseTitle { get; init; }
    public required string PulseIntro { get; init; }
    public required string PulseAnonymity { get; init; }
    public required string PulseStatementsLegend { get; init; }
    public required IReadOnlyList<string> AgreementLabels { get; init; }
    public required string EnpsQuestion { get; init; }
    public required string EnpsHint { get; init; }
    public required string PulseNothingAnswered { get; init; }
    public required string PulseThanksBody { get; init; }
    public required string PulseAlreadyTitle { get; init; }
    public required string PulseAlreadyBody { get; init; }
    public required string PulseUnknownBody { get; init; }
    public required string PulseFullTitle { get; init; }
    public required string PulseFullBody { get; init; }
    public required string PulseBusyTitle { get; init; }
    public required string PulseBusyBody { get; init; }

    public required Func<Channel, string> ChannelName { get; init; }

    /// <summary>"Skip to content" on the public pages.</summary>
    public required string SkipToContent { get; init; }

    /// <summary>The pulse page's heading in its top bar when the team is unknown.</summary>
    public required string PulseSurvey { get; init; }

    /// <summary>
    /// The texts in Swedish (the default) or English, from <c>Resources/Features/Surveys/SurveyText.sv.resx</c> (the English
    /// text is the key): the respondent's language, whatever the request's, with channel names from the vocabulary.
    /// </summary>
    public static SurveyText From(IStringLocalizer<SurveyText> text, Vocabulary words, string? language)
    {
        var english = SurveyInvitationService.NormaliseLanguage(language) == "en";
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(english ? "en-GB" : "sv-SE");
        try
        {
            string T(string key) => text[key];
            var aboutContact = T("These questions are about your contact with {0} on {1} ({2}).");
            var expiredBody = T("The survey could be answered until {0}. Thank you for wanting to answer all the same!");
            var pulseTitle = T("Pulse survey for {0}, {1}");
            var channels = Enum.GetValues<Channel>().ToDictionary(c => c, words.ChannelInSentence);
            return new SurveyText
            {
                Language = english ? "en" : "sv",
                OtherLanguage = english ? "sv" : "en",
                SwitchLanguage = english ? T("På svenska") : T("In English"),
                Culture = english ? "en-GB" : "sv-SE",
                AboutContact = (organisation, date, channel) => string.Format(CultureInfo.CurrentCulture, aboutContact, organisation, date, channel),
                ExpiredBody = date => string.Format(CultureInfo.CurrentCulture, expiredBody, date),
                PulseTitle = (team, month) => string.Format(CultureInfo.CurrentCulture, pulseTitle, team, month),
                ChannelName = channel => channels[channel],
                SkipToContent = T("Skip to content"),
                PulseSurvey = T("Pulse survey"),
                SurveyTitle = T("How was your contact with us?"),
                AboutFollowUp = T("We called you back about your case. Please tell us how it went."),
                CsatQuestion = T("How satisfied are you with your contact with us?"),
                FollowUpCsatQuestion = T("How satisfied are you with how we handled your case when we called you back?"),
                ResolvedQuestion = T("Was your issue resolved in this contact?"),
                FollowUpResolvedQuestion = T("Is your issue resolved now?"),
                Yes = T("Yes"),
                No = T("No"),
                NpsQuestion = T("How likely are you to recommend us to a friend or colleague?"),
                NpsHint = T("0 = not at all likely, 10 = extremely likely."),
                CommentLabel = T("Would you like to tell us more?"),
                CommentHint = T("Please do not write personal identity numbers, card numbers or passwords here."),
                Optional = T("optional"),
                Required = T("required"),
                Send = T("Send answer"),
                ErrorSummary = T("Your answer has not been sent yet. Please fix this:"),
                CsatMissing = T("Choose how satisfied you are, 1 to 5."),
                ResolvedMissing = T("Answer yes or no to whether your issue was resolved."),
                NpsOutOfRange = T("Choose a value from 0 to 10, or leave the question."),
                CommentTooLong = T("The comment can be at most 4,000 characters."),
                ThanksTitle = T("Thank you for your answer!"),
                ThanksBody = T("Your answers help us improve. You can close this page now."),
                AnsweredTitle = T("This survey has already been answered"),
                AnsweredBody = T("Thank you! We have already received an answer through this link, and each link can be used only once."),
                ExpiredTitle = T("This link has expired"),
                UnknownTitle = T("We cannot find a survey for this link"),
                UnknownBody = T("Check that the whole link came along, for example if you copied it from a text message or an e-mail."),
                PrivacyNote = T("Your answer is linked to the contact so that we can follow it up. We use it to improve our customer service."),
                PulseIntro = T("How is it to work here right now? It takes about two minutes."),
                PulseAnonymity = T("Your answers are anonymous: we do not store who you are, your IP address or when you answered, only the month. The team's results are shown when the month has ended, and only if at least 5 people answered."),
                PulseStatementsLegend = T("How well do these statements fit? Skip any you do not want to answer."),
                EnpsQuestion = T("How likely are you to recommend your workplace to a friend?"),
                EnpsHint = T("0 = not at all likely, 10 = extremely likely."),
                PulseNothingAnswered = T("Answer at least one of the statements before sending."),
                PulseThanksBody = T("Thank you! Your answer is stored anonymously. Results are shown when the month has ended, if at least 5 have answered."),
                PulseAlreadyTitle = T("You have already answered this month"),
                PulseAlreadyBody = T("Thank you! This browser has already sent an answer for the team this month. The next pulse opens next month."),
                PulseUnknownBody = T("The link may have been replaced. Ask your manager for the team's new link."),
                PulseFullTitle = T("The pulse has all its answers for this month"),
                PulseFullBody = T("The team already has as many answers as it has members. Have you not answered? Tell your manager, who can replace the link. The next pulse opens next month."),
                PulseBusyTitle = T("Many answers from your network right now"),
                PulseBusyBody = T("We take a limited number of answers an hour from one network. Please try again in a while."),
                CsatLabels = [T("Very dissatisfied"), T("Dissatisfied"), T("Neither satisfied nor dissatisfied"), T("Satisfied"), T("Very satisfied")],
                AgreementLabels = [T("Strongly disagree"), T("Disagree"), T("Neither"), T("Agree"), T("Strongly agree")],
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
